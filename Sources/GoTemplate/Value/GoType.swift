/// A Go type as templates observe it: its name (as `%T` and `typeOf` print it) and its kind.
///
/// Objects that Helm or callers add (`*semver.Version`, `time.Time`, `chartutil.Values`, ...) bring their
/// own `GoType`; the engine compares types by name, the way Go's assignability works for named types.
public struct GoType: Sendable, Hashable, CustomStringConvertible {
    /// The type's name, e.g. `map[string]interface {}` or `*semver.Version`.
    public let name: String
    /// The type's kind.
    public let kind: GoKind

    /// Creates a type with the given name and kind.
    public init(name: String, kind: GoKind) {
        self.name = name
        self.kind = kind
    }

    public var description: String { name }

    /// `interface {}`, the type of elements of `[]interface{}` and values of `map[string]interface{}`.
    public static let interface = GoType(name: "interface {}", kind: .interface)
    /// Go's `bool`.
    public static let bool = GoType(name: "bool", kind: .bool)
    /// Go's `int`.
    public static let int = GoType(name: "int", kind: .int)
    /// Go's `int64`.
    public static let int64 = GoType(name: "int64", kind: .int64)
    /// Go's `uint8` (a byte, as indexing a string yields).
    public static let uint8 = GoType(name: "uint8", kind: .uint8)
    /// Go's `float64`.
    public static let float64 = GoType(name: "float64", kind: .float64)
    /// Go's `string`.
    public static let string = GoType(name: "string", kind: .string)
    /// Go's `reflect.Value`, the parameter type of builtins that accept anything including "no value".
    public static let reflectValue = GoType(name: "reflect.Value", kind: .struct)
    /// `map[string]interface {}`.
    public static let genericMap = GoType(name: "map[string]interface {}", kind: .map)
    /// `[]interface {}`.
    public static let genericList = GoType(name: "[]interface {}", kind: .slice)
    /// `time.Time`, the type of Sprig's date values.
    public static let time = GoType(name: "time.Time", kind: .struct)
}
