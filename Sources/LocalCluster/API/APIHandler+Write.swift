import Foundation
public import KubeModel

extension APIHandler {
    /// POST: create an object in a collection (`operation` is `Apply` when server-side apply creates it).
    func create(_ target: ResourceRequest, _ request: APIRequest, operation: String = "Update") async throws(APIError) -> APIResponse {
        let info = target.info
        var object = try decodeBody(request)
        try checkTypeMeta(&object, info: info)
        let namespace = try await admitNamespace(&object, target: target)
        if (object[path: ["metadata", "name"]]?.stringValue ?? "").isEmpty,
            let prefix = object[path: ["metadata", "generateName"]]?.stringValue, !prefix.isEmpty
        {
            object[path: ["metadata", "name"]] = .string(prefix + Self.randomSuffix())
        }
        try enforceSchema(&object, info: info, strict: request.isStrictFieldValidation)
        try ObjectValidation.validate(object, info: info)
        let name = object[path: ["metadata", "name"]]!.stringValue!
        let newObject = object
        let manager = fieldManager(request, fallback: "unknown")
        let timestamp = Timestamps.format(now())
        let stored = try await store.write(key(info, namespace: namespace, name: name), dryRun: request.isDryRun) {
            current, _ throws(APIError) in
            guard current == nil else { throw APIError.alreadyExists(info, name: name) }
            return ObjectLifecycle.prepareCreate(newObject, info: info, timestamp: timestamp, manager: manager, operation: operation)
        }
        try await afterWrite(info, stored: stored, dryRun: request.isDryRun)
        return .bytes(status: 201, contentType: "application/json", stored.json)
    }

    /// PUT: replace an object (or its status or scale).
    func update(_ target: ResourceRequest, name: String, _ request: APIRequest) async throws(APIError) -> APIResponse {
        let info = target.info
        var incoming = try decodeBody(request)
        if target.subresource == "scale" {
            let scale = incoming
            return try await writeExisting(target, name: name, request) { current throws(APIError) in
                try ScaleView.applying(scale, to: current, info: info)
            }
        }
        try checkTypeMeta(&incoming, info: info)
        if let bodyName = incoming[path: ["metadata", "name"]]?.stringValue, bodyName != name {
            throw APIError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        let body = incoming
        return try await writeExisting(target, name: name, request) { _ throws(APIError) in body }
    }

    /// Drops or refuses (when `strict`) the fields the kind's schema does not declare: the built-in
    /// schema for built-in kinds, the CRD's structural schema for custom resources.
    func enforceSchema(_ object: inout JSONValue, info: ResourceInfo, strict: Bool) throws(APIError) {
        if let schema = registry.customSchema(for: info) {
            try StructuralPruning.enforce(&object, schema: schema, info: info, strict: strict)
        } else if !registry.isCustom(info) {
            try UnknownFields.enforce(&object, info: info, strict: strict)
        }
    }

    /// Applies a change computed from the current object, with optimistic concurrency: a
    /// `resourceVersion` in the new object must equal the stored one.
    func writeExisting(
        _ target: ResourceRequest, name: String, _ request: APIRequest, operation: String = "Update",
        _ change: @escaping @Sendable (JSONValue) throws(APIError) -> JSONValue
    ) async throws(APIError) -> APIResponse {
        let info = target.info
        let objectKey = key(info, namespace: target.namespace, name: name)
        let manager = fieldManager(request, fallback: "unknown")
        let timestamp = Timestamps.format(now())
        let subresource = target.subresource
        let strict = request.isStrictFieldValidation
        let stored = try await store.write(objectKey, dryRun: request.isDryRun) { current, _ throws(APIError) in
            guard let current else { throw APIError.notFound(info, name: name) }
            let existing = current.object()
            var updated = try change(existing)
            if let version = updated[path: ["metadata", "resourceVersion"]]?.stringValue, !version.isEmpty,
                version != String(current.resourceVersion)
            {
                throw APIError.conflict(info, name: name)
            }
            try self.enforceSchema(&updated, info: info, strict: strict)
            try ObjectValidation.validate(updated, info: info)
            updated = try ObjectLifecycle.prepareUpdate(
                updated, existing: existing, info: info, subresource: subresource, timestamp: timestamp, manager: manager,
                operation: operation)
            return updated
        }
        let finished = try await finishDeletionIfReleased(objectKey, stored: stored, info: info, dryRun: request.isDryRun)
        try await afterWrite(info, stored: finished ?? stored, dryRun: request.isDryRun)
        if subresource == "scale" {
            return .json(status: 200, ScaleView.scale(of: stored.object(), info: info))
        }
        return .bytes(status: 200, contentType: "application/json", (finished ?? stored).json)
    }

    /// Fills in `apiVersion` and `kind` when absent and rejects a body of another type.
    func checkTypeMeta(_ object: inout JSONValue, info: ResourceInfo) throws(APIError) {
        guard object.objectValue != nil else {
            throw APIError.badRequest("the request body must be a JSON object, found \(object.typeName)")
        }
        let apiVersion = object["apiVersion"]?.stringValue ?? ""
        let kind = object["kind"]?.stringValue ?? ""
        if apiVersion.isEmpty { object["apiVersion"] = .string(info.apiVersion) }
        if kind.isEmpty { object["kind"] = .string(info.kind) }
        if (!kind.isEmpty && kind != info.kind) || (!apiVersion.isEmpty && apiVersion != info.apiVersion) {
            throw APIError.badRequest(
                "the API version in the data (\(apiVersion)) and kind (\(kind)) do not match the resource \(info.qualifiedResource) served at \(info.apiVersion)")
        }
    }

    /// Checks the namespace of a new object: it must match the URL, exist, and not be terminating.
    func admitNamespace(_ object: inout JSONValue, target: ResourceRequest) async throws(APIError) -> String {
        let info = target.info
        guard info.namespaced else {
            object[path: ["metadata", "namespace"]] = nil
            return ""
        }
        let bodyNamespace = object[path: ["metadata", "namespace"]]?.stringValue ?? ""
        if !bodyNamespace.isEmpty && !target.namespace.isEmpty && bodyNamespace != target.namespace {
            throw APIError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        let namespace = target.namespace.isEmpty ? bodyNamespace : target.namespace
        guard !namespace.isEmpty else { throw APIError.badRequest("an empty namespace may not be set during creation") }
        object[path: ["metadata", "namespace"]] = .string(namespace)
        guard let namespaceObject = await store.get(ObjectKey(storage: "namespaces", namespace: "", name: namespace)) else {
            throw APIError.notFound(BuiltinResources.namespaces, name: namespace)
        }
        if namespaceObject.object()[path: ["metadata", "deletionTimestamp"]] != nil {
            throw APIError.forbidden(
                info, name: object[path: ["metadata", "name"]]?.stringValue ?? "",
                reason: "unable to create new content in namespace \(namespace) because it is being terminated",
                causes: [.init(type: "NamespaceTerminating", message: "namespace \(namespace) is being terminated", field: "metadata.namespace")])
        }
        return namespace
    }

    /// The field manager of a write: the `fieldManager` parameter, else the user agent's program name.
    func fieldManager(_ request: APIRequest, fallback: String) -> String {
        if let manager = request.query["fieldManager"], !manager.isEmpty { return manager }
        if let agent = request.userAgent, let program = agent.split(separator: "/").first, !program.isEmpty {
            return String(program)
        }
        return fallback
    }

    /// Removes an object whose deletion was only waiting for its finalizers, once they are gone.
    func finishDeletionIfReleased(_ key: ObjectKey, stored: StoredObject, info: ResourceInfo, dryRun: Bool) async throws(APIError)
        -> StoredObject?
    {
        let object = stored.object()
        guard object[path: ["metadata", "deletionTimestamp"]] != nil,
            (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty, !dryRun
        else { return nil }
        if info.group.isEmpty && info.resource == "namespaces" && !(object[path: ["spec", "finalizers"]]?.arrayValue ?? []).isEmpty {
            return nil  // the namespace controller has not finished emptying it
        }
        let final = try await store.delete(key)
        if let final { try await afterDelete(info, object: final.object()) }
        return final
    }

    /// Side effects of writes to special resources: a CustomResourceDefinition starts or stops serving.
    func afterWrite(_ info: ResourceInfo, stored: StoredObject, dryRun: Bool) async throws(APIError) {
        guard !dryRun, info.group == "apiextensions.k8s.io", info.resource == "customresourcedefinitions" else { return }
        try await CustomResourceDefinitions.reconcile(stored.object(), store: store, registry: registry)
    }

    private static func randomSuffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet.randomElement()! })
    }
}

extension BuiltinResources {
    static let namespaces = list.first { $0.resource == "namespaces" && $0.group.isEmpty }!
}
