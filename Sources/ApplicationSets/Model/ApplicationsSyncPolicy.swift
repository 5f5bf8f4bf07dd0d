/// `spec.syncPolicy.applicationsSync`: what the controller may do to the Applications it generated.
public enum ApplicationsSyncPolicy: String, Sendable {
    /// Create missing Applications; never update or delete.
    case createOnly = "create-only"
    /// Create and update; never delete.
    case createUpdate = "create-update"
    /// Create and delete; never update.
    case createDelete = "create-delete"
    /// Create, update and delete (the default).
    case sync

    /// Whether existing Applications are brought in line with the template.
    public var allowsUpdate: Bool { self == .sync || self == .createUpdate }
    /// Whether Applications no longer generated are deleted.
    public var allowsDelete: Bool { self == .sync || self == .createDelete }
}
