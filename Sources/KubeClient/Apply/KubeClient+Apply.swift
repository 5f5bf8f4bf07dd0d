public import KubeModel

extension KubeClient {
    /// Server-side apply: sends `object` as `fieldManager`'s whole intent; the server merges it,
    /// tracks ownership per field, and refuses (``KubeError/Category/conflict``) to take fields other
    /// managers own unless `force` is set.
    /// - Parameter live: The object's current state if the caller has it (from an informer), so
    ///   that the outcome can be told without reading it first; nil reads it.
    public func apply(
        _ object: KubeObject, fieldManager: String, force: Bool = false, live: KubeObject?? = nil, options: WriteOptions = WriteOptions()
    ) async throws(KubeError) -> ApplyResult {
        let (resource, namespace) = try await target(of: object)
        let before: KubeObject?
        if let live {
            before = live
        } else {
            before = try await existing(resource.groupVersionResource, namespace: namespace, name: object.name)
        }
        var writeOptions = options
        writeOptions.fieldManager = fieldManager
        writeOptions.force = force
        var body = object.content
        if let namespace { body[path: ["metadata", "namespace"]] = .string(namespace) }
        let after = try await patch(
            resource.groupVersionResource, namespace: namespace, name: object.name, type: .apply, body, options: writeOptions)
        let outcome: ApplyResult.Outcome =
            before == nil ? .created : before?.resourceVersion == after.resourceVersion ? .unchanged : .configured
        return ApplyResult(outcome: outcome, object: after, before: before)
    }

    /// Client-side apply, as `kubectl apply` without `--server-side`: a three-way merge of the last
    /// applied configuration (the `kubectl.kubernetes.io/last-applied-configuration` annotation), the
    /// new configuration and the live object, sent as a strategic merge patch for built-in kinds and
    /// a JSON merge patch for custom resources. Fields the server or other actors set are kept;
    /// fields dropped from the configuration since the last apply are removed. A conflicting write
    /// in between is retried with a fresh read.
    ///
    /// `live` is the object as a caller with a watch cache already knows it (`.some(nil)`: known to be
    /// absent), which saves the first read; a stale copy costs a retry, never a wrong write.
    public func clientSideApply(_ object: KubeObject, live known: KubeObject?? = nil, options: WriteOptions = WriteOptions()) async throws(KubeError)
        -> ApplyResult
    {
        let (resource, namespace) = try await target(of: object)
        var modified = object
        modified.setAnnotation(WellKnownAnnotations.lastAppliedConfiguration, nil)
        if let namespace { modified[path: "metadata", "namespace"] = .string(namespace) }
        if modified.annotations.isEmpty, modified[path: "metadata", "annotations"] != nil {
            modified[path: "metadata", "annotations"] = nil
        }
        let lastApplied = JSONWriter.string(modified.content)
        modified.setAnnotation(WellKnownAnnotations.lastAppliedConfiguration, lastApplied)
        var attempt = 0
        var known = known
        while true {
            attempt += 1
            let current: KubeObject?
            let fromCache = known != nil
            if let cached = known {
                current = cached
                known = nil
            } else {
                current = try await existing(resource.groupVersionResource, namespace: namespace, name: object.name)
            }
            guard let live = current else {
                do {
                    let created = try await create(resource.groupVersionResource, namespace: namespace, modified, options: options)
                    return ApplyResult(outcome: .created, object: created, before: nil)
                } catch where error.category == .alreadyExists && attempt < 5 {
                    continue
                }
            }
            let original = live.annotation(WellKnownAnnotations.lastAppliedConfiguration)
                .flatMap { try? JSONParser.parse($0) } ?? .null
            let patch: JSONValue
            let type: PatchType
            do {
                if StrategicMergePatch.supports(object.groupVersionKind) {
                    patch = try StrategicMergePatch.createThreeWayPatch(
                        original: original, modified: modified.content, current: live.content, gvk: object.groupVersionKind)
                    type = .strategic
                } else {
                    patch = MergePatch.createThreeWay(original: original, modified: modified.content, current: live.content)
                    type = .merge
                }
            } catch {
                throw KubeError(.invalid, "cannot compute the apply patch of \(object.kind) \(object.name): \(error)")
            }
            if patch.objectValue?.isEmpty ?? false {
                // Nothing to change, as far as a cached copy tells: only the server's copy can say so.
                if fromCache { continue }
                return ApplyResult(outcome: .unchanged, object: live, before: live)
            }
            // The version the patch was computed against: if the object changes meanwhile, the
            // server answers 409 and the patch is recomputed rather than applied to a stale base.
            var guarded = patch
            guarded[path: ["metadata", "resourceVersion"]] = live.resourceVersion.map(JSONValue.string) ?? .null
            do {
                let after = try await self.patch(
                    resource.groupVersionResource, namespace: namespace, name: object.name, type: type, guarded, options: options)
                return ApplyResult(outcome: .configured, object: after, before: live)
            } catch where error.category == .conflict && attempt < 5 {
                continue
            }
        }
    }

    /// Reads an object, changes it with `mutate`, and writes it back: created when missing (if
    /// `mutate` returns an object for nil), updated otherwise, retried on conflicting writes.
    /// - Parameter mutate: Given the live object (nil when missing), returns the desired object, or
    ///   nil to leave things as they are.
    public func createOrUpdate(
        _ resource: GroupVersionResource, namespace: String?, name: String, maximumAttempts: Int = 5,
        mutate: @Sendable (KubeObject?) throws -> KubeObject?
    ) async throws(KubeError) -> ApplyResult? {
        var attempt = 0
        while true {
            attempt += 1
            let live = try await existing(resource, namespace: namespace, name: name)
            let desired: KubeObject?
            do {
                desired = try mutate(live)
            } catch {
                throw KubeError(.invalid, "\(resource.resource)/\(name): \(error)")
            }
            guard let desired else { return nil }
            do {
                if let live {
                    if desired == live { return ApplyResult(outcome: .unchanged, object: live, before: live) }
                    var update = desired
                    update[path: "metadata", "resourceVersion"] = live.resourceVersion.map(JSONValue.string)
                    let after = try await self.update(resource, namespace: namespace, update)
                    return ApplyResult(outcome: .configured, object: after, before: live)
                }
                let created = try await create(resource, namespace: namespace, desired)
                return ApplyResult(outcome: .created, object: created, before: nil)
            } catch where (error.category == .conflict || error.category == .alreadyExists) && attempt < maximumAttempts {
                continue
            }
        }
    }

    /// The object, or nil when it does not exist.
    func existing(_ resource: GroupVersionResource, namespace: String?, name: String) async throws(KubeError) -> KubeObject? {
        do {
            return try await get(resource, namespace: namespace, name: name)
        } catch where error.category == .notFound {
            return nil
        }
    }
}
