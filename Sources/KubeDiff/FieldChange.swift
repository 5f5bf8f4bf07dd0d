public import KubeModel

/// One difference between two objects at one place.
public struct FieldChange: Sendable, Equatable, CustomStringConvertible {
    /// What happened at ``path``.
    public enum Kind: String, Sendable {
        case added
        case removed
        case changed
    }

    /// Where, as a JSON pointer (`/spec/template/spec/containers/0/image`).
    public var path: JSONPointer
    /// What happened.
    public var kind: Kind
    /// The value before (absent for additions).
    public var old: JSONValue?
    /// The value after (absent for removals).
    public var new: JSONValue?

    /// Creates a change.
    public init(path: JSONPointer, kind: Kind, old: JSONValue?, new: JSONValue?) {
        self.path = path
        self.kind = kind
        self.old = old
        self.new = new
    }

    /// `changed /spec/replicas: 1 -> 3`.
    public var description: String {
        switch kind {
        case .added: "added \(path): \(new ?? .null)"
        case .removed: "removed \(path): \(old ?? .null)"
        case .changed: "changed \(path): \(old ?? .null) -> \(new ?? .null)"
        }
    }
}
