/// The declared type of a function parameter. The engine checks and converts arguments against it
/// exactly as Go's `text/template` checks arguments against a Go function's signature, so that a
/// template passing a `float64` from values where a function wants an `int` fails with Go's message.
public enum GoParameterType: Sendable, Equatable {
    /// `interface{}`: any value; no value arrives as ``GoValue/null``.
    case any
    /// `reflect.Value`: any value, and no value arrives as ``GoValue/noValue`` (Go's builtins use this).
    case value
    /// `string`.
    case string
    /// `int`.
    case int
    /// `int64`.
    case int64
    /// `float64`.
    case float64
    /// `bool`.
    case bool
    /// `map[string]interface{}`: a map (named map types such as `chartutil.Values` included) whose values
    /// are interfaces; nil arrives as ``GoValue/null``.
    case map
    /// `[]interface{}`; nil arrives as ``GoValue/null``.
    case list
    /// A specific object type such as `time.Time`, compared by name.
    case object(GoType)

    /// The Go spelling of the type, as error messages print it.
    public var typeName: String {
        switch self {
        case .any: "interface {}"
        case .value: "reflect.Value"
        case .string: "string"
        case .int: "int"
        case .int64: "int64"
        case .float64: "float64"
        case .bool: "bool"
        case .map: "map[string]interface {}"
        case .list: "[]interface {}"
        case .object(let type): type.name
        }
    }

    /// Whether Go can assign an untyped nil to the type.
    var acceptsNil: Bool {
        switch self {
        case .any, .value, .map, .list: true
        case .object(let type): [.pointer, .map, .slice, .func, .interface].contains(type.kind)
        case .string, .int, .int64, .float64, .bool: false
        }
    }
}
