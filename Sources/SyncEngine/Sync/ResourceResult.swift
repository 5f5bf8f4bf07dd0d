public import KubeModel

/// What a sync did to one resource, as upstream records it in `status.operationState.syncResult.resources`.
public struct ResourceResult: Sendable, Equatable {
    /// The outcome.
    public enum Status: String, Sendable {
        case synced = "Synced", syncFailed = "SyncFailed", pruned = "Pruned", pruneSkipped = "PruneSkipped"
    }

    /// A hook's progress.
    public enum HookPhase: String, Sendable {
        case running = "Running", succeeded = "Succeeded", failed = "Failed"
    }

    public var key: ResourceKey
    public var version: String
    public var status: Status
    public var message: String
    public var hookType: HookType?
    public var hookPhase: HookPhase?
    public var syncPhase: SyncPhase

    /// The result as upstream's JSON.
    public var json: JSONValue {
        var value: JSONValue = [
            "group": .string(key.group), "version": .string(version), "kind": .string(key.kind), "namespace": .string(key.namespace),
            "name": .string(key.name), "status": .string(status.rawValue), "message": .string(message), "syncPhase": .string(syncPhase.rawValue),
        ]
        if let hookType { value["hookType"] = .string(hookType.rawValue) }
        if let hookPhase { value["hookPhase"] = .string(hookPhase.rawValue) }
        return value
    }

    /// A result read back from upstream's JSON (a resumed operation's record).
    public init?(json: JSONValue) {
        guard let kind = json["kind"]?.stringValue, let name = json["name"]?.stringValue,
            let status = json["status"]?.stringValue.flatMap(Status.init(rawValue:))
        else { return nil }
        key = ResourceKey(group: json["group"]?.stringValue ?? "", kind: kind, namespace: json["namespace"]?.stringValue ?? "", name: name)
        version = json["version"]?.stringValue ?? ""
        self.status = status
        message = json["message"]?.stringValue ?? ""
        hookType = json["hookType"]?.stringValue.flatMap(HookType.init(rawValue:))
        hookPhase = json["hookPhase"]?.stringValue.flatMap(HookPhase.init(rawValue:))
        syncPhase = json["syncPhase"]?.stringValue.flatMap(SyncPhase.init(rawValue:)) ?? .sync
    }

    public init(key: ResourceKey, version: String, status: Status, message: String, hookType: HookType? = nil, hookPhase: HookPhase? = nil, syncPhase: SyncPhase) {
        self.key = key
        self.version = version
        self.status = status
        self.message = message
        self.hookType = hookType
        self.hookPhase = hookPhase
        self.syncPhase = syncPhase
    }
}
