/// Options of create, update and patch.
public struct WriteOptions: Sendable {
    /// Validate and default on the server without storing (`dryRun=All`).
    public var dryRun: Bool
    /// The field manager recorded in `managedFields`; required for server-side apply.
    public var fieldManager: String?
    /// For server-side apply: take ownership of fields other managers own instead of failing with a conflict.
    public var force: Bool
    /// `Strict`, `Warn` or `Ignore`: what the server does with unknown fields; nil is the server's default.
    public var fieldValidation: String?

    /// Creates options.
    public init(dryRun: Bool = false, fieldManager: String? = nil, force: Bool = false, fieldValidation: String? = nil) {
        self.dryRun = dryRun
        self.fieldManager = fieldManager
        self.force = force
        self.fieldValidation = fieldValidation
    }

    var query: [(String, String)] {
        var query: [(String, String)] = []
        if dryRun { query.append(("dryRun", "All")) }
        if let fieldManager { query.append(("fieldManager", fieldManager)) }
        if force { query.append(("force", "true")) }
        if let fieldValidation { query.append(("fieldValidation", fieldValidation)) }
        return query
    }
}
