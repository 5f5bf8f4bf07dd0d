import Foundation
public import KubeModel

/// What the server itself writes into objects: identity and bookkeeping metadata on create, the
/// rules of what an update may change, generation, and the managed-fields record of who wrote.
enum ObjectLifecycle {
    /// A new object as it will be stored.
    static func prepareCreate(_ object: JSONValue, info: ResourceInfo, timestamp: String, manager: String, operation: String) -> JSONValue {
        var result = object
        var metadata = result["metadata"]?.objectValue ?? [:]
        metadata["uid"] = .string(UUID().uuidString.lowercased())
        metadata["creationTimestamp"] = .string(timestamp)
        if tracksGeneration(info) { metadata["generation"] = 1 }
        metadata.removeValue(forKey: "deletionTimestamp")
        metadata.removeValue(forKey: "deletionGracePeriodSeconds")
        metadata.removeValue(forKey: "selfLink")
        result["metadata"] = .object(metadata)
        result[path: ["metadata", "managedFields"]] = .array(
            ManagedFields.afterUpdate(old: nil, new: object, info: info, manager: manager, subresource: nil, timestamp: timestamp)
                .map { entry in
                    var entry = entry
                    entry["operation"] = .string(operation)
                    return entry
                })
        if info.hasStatus {
            // Status is the controllers' to write; a create cannot set it. Defaults give the initial status.
            result["status"] = nil
        }
        Defaults.apply(to: &result, info: info)
        return result
    }

    /// An updated object as it will be stored: immutable metadata kept, status or spec protected by the
    /// subresource rules, generation bumped when the desired state changed.
    static func prepareUpdate(
        _ object: JSONValue, existing: JSONValue, info: ResourceInfo, subresource: String?, timestamp: String, manager: String,
        operation: String = "Update"
    ) throws(APIError) -> JSONValue {
        var result: JSONValue
        if subresource == "status" {
            // Only status changes through /status.
            result = existing
            result["status"] = object["status"]
        } else if subresource == "finalize" {
            // Only the namespace's spec.finalizers change through /finalize.
            result = existing
            result[path: ["spec", "finalizers"]] = object[path: ["spec", "finalizers"]] ?? .array([])
        } else {
            result = object
            if info.hasStatus && subresource == nil {
                // ...and status never changes through the main resource.
                result["status"] = existing["status"]
            }
        }
        var metadata = result["metadata"]?.objectValue ?? [:]
        let previous = existing["metadata"]?.objectValue ?? [:]
        for immutable in ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "namespace", "name"] {
            metadata[immutable] = previous[immutable]
        }
        if previous["deletionTimestamp"] != nil {
            let before = Set((previous["finalizers"]?.arrayValue ?? []).compactMap(\.stringValue))
            let after = (metadata["finalizers"]?.arrayValue ?? []).compactMap(\.stringValue)
            if let added = after.first(where: { !before.contains($0) }) {
                throw APIError.forbidden(
                    info, name: previous["name"]?.stringValue ?? "",
                    reason: "no new finalizers can be added if the object is being deleted, found new finalizers [\"\(added)\"]")
            }
        }
        if tracksGeneration(info) {
            var generation = previous["generation"]?.int64Value ?? 1
            if desiredState(of: object, info: info) != desiredState(of: existing, info: info) && subresource != "status" {
                generation += 1
            }
            metadata["generation"] = .number(JSONNumber(generation))
        } else {
            metadata.removeValue(forKey: "generation")
        }
        if operation == "Apply" {
            // Server-side apply has worked out the owners already.
            metadata["managedFields"] = object[path: ["metadata", "managedFields"]]
        } else {
            metadata["managedFields"] = .array(
                ManagedFields.afterUpdate(old: existing, new: result, info: info, manager: manager, subresource: subresource, timestamp: timestamp))
        }
        result["metadata"] = .object(metadata)
        if subresource == nil && previous["deletionTimestamp"] == nil { Defaults.apply(to: &result, info: info) }
        return result
    }

    /// Most core kinds (ConfigMap, Secret, Service, Pod, ...) carry no generation; workloads, other
    /// groups' kinds and custom resources do.
    static func tracksGeneration(_ info: ResourceInfo) -> Bool {
        !info.group.isEmpty || info.resource == "replicationcontrollers"
    }

    /// Everything but metadata and status: a change here is a new generation.
    private static func desiredState(of object: JSONValue, info: ResourceInfo) -> JSONValue {
        guard case .object(var members) = object else { return object }
        members.removeValue(forKey: "metadata")
        members.removeValue(forKey: "status")
        return .object(members)
    }
}
