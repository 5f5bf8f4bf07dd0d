public import KubeHealth
public import KubeModel

/// One resource of an application compared with Git (upstream's `ResourceStatus`).
public struct ResourceStatus: Sendable {
    public var key: ResourceKey
    public var version: String
    public var status: SyncStatusCode
    public var health: HealthStatus?
    /// Live but no longer in Git.
    public var requiresPruning: Bool
    /// The desired object (nil when only live).
    public var desired: KubeObject?
    /// The live object (nil when missing).
    public var live: KubeObject?

    /// The entry of `status.resources`.
    public var json: JSONValue {
        var value: JSONValue = [
            "group": .string(key.group), "version": .string(version), "kind": .string(key.kind), "name": .string(key.name),
            "status": .string(status.rawValue),
        ]
        if !key.namespace.isEmpty { value["namespace"] = .string(key.namespace) }
        if let health {
            value["health"] = health.message.isEmpty ? ["status": .string(health.status.rawValue)] : ["status": .string(health.status.rawValue), "message": .string(health.message)]
        }
        if requiresPruning { value["requiresPruning"] = true }
        return value
    }
}
