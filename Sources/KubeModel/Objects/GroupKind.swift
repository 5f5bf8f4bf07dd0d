/// An API group and kind, the identity of a kind across its versions.
public struct GroupKind: Sendable, Hashable, CustomStringConvertible {
    /// The API group; empty for the core group.
    public var group: String
    /// The kind.
    public var kind: String

    /// Creates a group-kind.
    public init(group: String, kind: String) {
        self.group = group
        self.kind = kind
    }

    /// `Kind.group`, or `Kind` for the core group, as kubectl prints it.
    public var description: String { group.isEmpty ? kind : "\(kind).\(group)" }
}
