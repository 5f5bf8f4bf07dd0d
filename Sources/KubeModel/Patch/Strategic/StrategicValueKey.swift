/// The identity of a JSON value the way Go's `==` sees the values `encoding/json` decodes, which is
/// how apimachinery matches merge keys and primitive list elements: `1` (an integer) and `1.0`
/// (a float) differ, `"1"` and `1` differ, object member order does not matter.
enum StrategicValueKey: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case float(Double)
    case string(String)
    /// Objects and arrays, which Go cannot compare with `==`; they compare structurally here.
    case composite(JSONValue)

    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .string(let text): self = .string(text)
        case .number(let number):
            if let integer = number.int64Value {
                self = .integer(integer)
            } else {
                self = .float(number.doubleValue)
            }
        case .array, .object: self = .composite(value)
        }
    }

    /// Deep equality with Go's `reflect.DeepEqual` semantics for decoded JSON: numbers compare as
    /// `int64` or `float64` by how they are written, objects ignore member order.
    static func deepEqual(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let other = b[key], deepEqual(value, other) else { return false }
            }
            return true
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { deepEqual($0, $1) }
        case (.object, _), (_, .object), (.array, _), (_, .array):
            return false
        default:
            return StrategicValueKey(left) == StrategicValueKey(right)
        }
    }
}
