/// A dynamic Go value, as a template sees it.
///
/// The cases mirror what Helm hands to templates: values decoded from YAML through JSON (so every number
/// from values files is a `float64`), integers made by literals and functions (`len`, `int`, `add`),
/// strings, `[]interface{}` lists, `map[string]interface{}` maps (shared by reference, as Go maps are,
/// so that `set` mutates what other references see), and opaque objects with fields and methods.
public enum GoValue: Sendable {
    /// Go's invalid `reflect.Value`: the result of a missing map key or a nil pipeline result.
    /// Printed as `<no value>`.
    case noValue
    /// A nil interface value (a `null` in values, a nil element, `nil` passed to a function). Printed as `<nil>`.
    case null
    /// A Go `bool`.
    case bool(Bool)
    /// A Go `int`.
    case int(Int)
    /// A Go `int64`.
    case int64(Int64)
    /// A Go `uint8`: what indexing a string yields.
    case uint8(UInt8)
    /// A Go `float64`.
    case float64(Double)
    /// A Go `string`.
    case string(String)
    /// A Go slice. Boxed, like objects, so that a value is no larger than a string.
    indirect case list(GoList)
    /// A Go map with string keys; a reference, like Go's maps.
    case map(GoMap)
    /// Anything else: structs, pointers, functions, time values, semantic versions. Boxed: an inline
    /// existential would make every value 40 bytes and every copy of one go through witness tables.
    indirect case object(any GoObject)
}
