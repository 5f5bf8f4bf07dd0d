/// The kind of a Go value, spelled as Go's `reflect.Kind.String()` spells it (Sprig's `kindOf` prints it).
public enum GoKind: String, Sendable, Hashable {
    case invalid
    case bool
    case int
    case int64
    case uint8
    case float64
    case string
    case slice
    case map
    case pointer = "ptr"
    case `struct`
    case `func`
    case interface
}
