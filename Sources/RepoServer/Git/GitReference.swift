/// One ref a remote advertises (`git ls-remote`): its full name and the commit it points to.
public struct GitReference: Sendable, Hashable {
    /// The full name, such as `refs/heads/main`, `refs/tags/v1.2.0` or `HEAD`.
    public var name: String
    /// The commit (for annotated tags, the peeled commit).
    public var commit: String
}
