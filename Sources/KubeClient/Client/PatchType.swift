/// The kinds of PATCH a Kubernetes API server accepts.
public enum PatchType: String, Sendable, CaseIterable {
    /// RFC 6902 JSON patch: a list of operations.
    case json
    /// RFC 7386 JSON merge patch.
    case merge
    /// Strategic merge patch (built-in kinds only).
    case strategic
    /// Server-side apply: the full intent of one field manager.
    case apply

    /// The request's content type.
    var contentType: String {
        switch self {
        case .json: "application/json-patch+json"
        case .merge: "application/merge-patch+json"
        case .strategic: "application/strategic-merge-patch+json"
        case .apply: "application/apply-patch+yaml"
        }
    }
}
