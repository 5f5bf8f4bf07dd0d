public import KubeModel

/// Options of a delete.
public struct DeleteOptions: Sendable {
    /// What happens to the object's dependents.
    public enum Propagation: String, Sendable {
        /// Dependents are deleted first; the object stays (with a `foregroundDeletion` finalizer) until they are gone.
        case foreground = "Foreground"
        /// The object goes now; the garbage collector deletes dependents afterwards.
        case background = "Background"
        /// Dependents stay, with their owner reference removed.
        case orphan = "Orphan"
    }

    /// The propagation policy; nil is the kind's default.
    public var propagationPolicy: Propagation?
    /// Delete only if the object still has this UID (not a re-created namesake).
    public var preconditionUID: String?
    /// Delete only if the object is still at this version (nobody changed it since it was read).
    public var preconditionResourceVersion: String?
    /// Seconds of graceful termination; 0 deletes at once.
    public var gracePeriodSeconds: Int?
    /// Check without deleting.
    public var dryRun: Bool

    /// Creates options.
    public init(
        propagationPolicy: Propagation? = nil, preconditionUID: String? = nil, preconditionResourceVersion: String? = nil,
        gracePeriodSeconds: Int? = nil, dryRun: Bool = false
    ) {
        self.propagationPolicy = propagationPolicy
        self.preconditionUID = preconditionUID
        self.preconditionResourceVersion = preconditionResourceVersion
        self.gracePeriodSeconds = gracePeriodSeconds
        self.dryRun = dryRun
    }

    /// The `DeleteOptions` body.
    var body: JSONValue {
        var body: JSONValue = ["apiVersion": "v1", "kind": "DeleteOptions"]
        if let propagationPolicy { body["propagationPolicy"] = .string(propagationPolicy.rawValue) }
        if let gracePeriodSeconds { body["gracePeriodSeconds"] = .int(gracePeriodSeconds) }
        if dryRun { body["dryRun"] = ["All"] }
        var preconditions: JSONValue = .emptyObject
        if let preconditionUID { preconditions["uid"] = .string(preconditionUID) }
        if let preconditionResourceVersion { preconditions["resourceVersion"] = .string(preconditionResourceVersion) }
        if preconditions.objectValue?.isEmpty == false { body["preconditions"] = preconditions }
        return body
    }
}
