/// A Go value that is neither a basic value, a slice nor a map: a struct, a pointer, a function, a
/// `time.Time`, a `*semver.Version`. Templates reach its fields with `.Field` and call its methods with
/// `.Method arg...`.
///
/// Helm adds its built-in objects (`.Release`, `.Chart`, `.Capabilities`, `.Files`) by conforming to
/// this protocol; every requirement but `goType` has a default.
public protocol GoObject: Sendable {
    /// The Go type of the object, e.g. `*semver.Version`.
    var goType: GoType { get }
    /// The field or method with the given name, or nil when there is none.
    func member(named name: String) -> GoMember?
    /// The result of the object's `String()` method when it is a Go `fmt.Stringer` (or `error`), which
    /// `fmt` prints instead of the raw value.
    var stringValue: String? { get }
    /// How `%v` prints the object when it is not a `fmt.Stringer`, e.g. `{a b}` for a struct.
    var defaultFormat: String { get }
    /// Whether the object is a nil pointer, nil function or other nil value (false in `if`).
    var isNil: Bool { get }
    /// Compares with another object as Go's `==` does; nil when the types cannot be compared.
    func isEqual(to other: any GoObject) -> Bool?
    /// For objects that are Go maps underneath (Helm's `.Files`): the entries `range` visits, in
    /// sorted key order; nil when the object cannot be ranged over.
    var rangeEntries: [(key: String, value: GoValue)]? { get }
}

extension GoObject {
    public func member(named name: String) -> GoMember? { nil }
    public var stringValue: String? { nil }
    public var defaultFormat: String { stringValue ?? "{}" }
    public var isNil: Bool { false }
    public func isEqual(to other: any GoObject) -> Bool? { nil }
    public var rangeEntries: [(key: String, value: GoValue)]? { nil }
}
