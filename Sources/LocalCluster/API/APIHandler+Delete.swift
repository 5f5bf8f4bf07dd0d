public import KubeModel

extension APIHandler {
    /// Namespaces the API server refuses to delete.
    static let protectedNamespaces: Set<String> = ["default", "kube-system", "kube-public"]

    /// DELETE one object: immediately, or by marking it for deletion when finalizers (or the requested
    /// propagation policy) must run first.
    func delete(_ target: ResourceRequest, name: String, _ request: APIRequest) async throws(APIError) -> APIResponse {
        let info = target.info
        let options = request.body.isEmpty ? JSONValue.emptyObject : try decodeBody(request)
        let policy = options["propagationPolicy"]?.stringValue ?? request.query["propagationPolicy"]
            ?? (options["orphanDependents"] == true ? "Orphan" : Self.defaultPropagationPolicy(info))
        guard ["Background", "Foreground", "Orphan"].contains(policy) else {
            throw APIError.badRequest("propagationPolicy \"\(policy)\" is not one of Background, Foreground, Orphan")
        }
        let objectKey = key(info, namespace: target.namespace, name: name)
        if info.group.isEmpty && info.resource == "namespaces" && Self.protectedNamespaces.contains(name) {
            throw APIError.forbidden(info, name: name, reason: "this namespace may not be deleted")
        }
        guard let current = await store.get(objectKey) else { throw APIError.notFound(info, name: name) }
        let existing = current.object()
        if let uid = options[path: ["preconditions", "uid"]]?.stringValue, uid != existing[path: ["metadata", "uid"]]?.stringValue {
            throw APIError(
                code: 409, reason: "Conflict",
                message: "Precondition failed: UID in precondition: \(uid), UID in object meta: \(existing[path: ["metadata", "uid"]]?.stringValue ?? "")",
                group: info.group, kind: info.resource, name: name)
        }
        if let version = options[path: ["preconditions", "resourceVersion"]]?.stringValue, version != String(current.resourceVersion) {
            throw APIError.conflict(info, name: name)
        }
        var finalizers = (existing[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue)
        let isNamespace = info.group.isEmpty && info.resource == "namespaces"
        if !isNamespace {
            let extra = policy == "Foreground" ? "foregroundDeletion" : policy == "Orphan" ? "orphan" : nil
            if let extra, !finalizers.contains(extra) { finalizers.append(extra) }
        }
        let namespaceHoldsContent = isNamespace && !(existing[path: ["spec", "finalizers"]]?.arrayValue ?? []).isEmpty
        if finalizers.isEmpty && !namespaceHoldsContent {
            guard let final = try await store.delete(objectKey, dryRun: request.isDryRun) else {
                throw APIError.notFound(info, name: name)
            }
            if !request.isDryRun { try await afterDelete(info, object: final.object()) }
            return .bytes(status: 200, contentType: "application/json", final.json)
        }
        // Graceful: mark it and let finalizers (and the garbage collector or namespace controller) finish.
        let timestamp = Timestamps.format(now())
        let finalFinalizers = finalizers
        let stored = try await store.write(objectKey, dryRun: request.isDryRun) { current, _ throws(APIError) in
            guard let current else { throw APIError.notFound(info, name: name) }
            var object = current.object()
            if object[path: ["metadata", "deletionTimestamp"]] == nil {
                object[path: ["metadata", "deletionTimestamp"]] = .string(timestamp)
                object[path: ["metadata", "deletionGracePeriodSeconds"]] = 0
                if let generation = object[path: ["metadata", "generation"]]?.int64Value {
                    object[path: ["metadata", "generation"]] = .number(JSONNumber(generation + 1))
                }
            }
            if !finalFinalizers.isEmpty { object[path: ["metadata", "finalizers"]] = .array(finalFinalizers.map(JSONValue.string)) }
            if isNamespace { object[path: ["status", "phase"]] = "Terminating" }
            return object
        }
        return .bytes(status: 200, contentType: "application/json", stored.json)
    }

    /// DELETE a collection: every object matching the selectors, one by one.
    func deleteCollection(_ target: ResourceRequest, _ request: APIRequest) async throws(APIError) -> APIResponse {
        let filter = try filter(target, request)
        let (items, _) = await store.list(filter)
        var deleted: [[UInt8]] = []
        for (key, _) in items {
            var one = target
            one.namespace = key.namespace
            if case .bytes(_, _, let json) = try await delete(one, name: key.name, request) { deleted.append(json) }
        }
        var output = Array("{\"kind\":\"\(target.info.kind)List\",\"apiVersion\":\"\(target.info.apiVersion)\",\"metadata\":{},\"items\":[".utf8)
        output += Array(deleted.joined(separator: [UInt8(ascii: ",")]))
        output += Array("]}".utf8)
        return .bytes(status: 200, contentType: "application/json", output)
    }

    /// Jobs and ReplicationControllers orphan their pods by default, for compatibility; the rest cascade.
    private static func defaultPropagationPolicy(_ info: ResourceInfo) -> String {
        (info.group == "batch" && info.resource == "jobs") || (info.group.isEmpty && info.resource == "replicationcontrollers")
            ? "Orphan" : "Background"
    }

    /// Side effects of deletions: a deleted CustomResourceDefinition stops serving its kinds.
    func afterDelete(_ info: ResourceInfo, object: JSONValue) async throws(APIError) {
        guard info.group == "apiextensions.k8s.io", info.resource == "customresourcedefinitions" else { return }
        try await CustomResourceDefinitions.remove(object, store: store, registry: registry)
    }
}
