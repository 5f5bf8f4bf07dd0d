public import OrderedCollections

/// The members of a JSON object in the order they were read or inserted.
public typealias JSONObject = OrderedDictionary<String, JSONValue>

/// An unstructured JSON (or YAML) tree as Kubernetes sees it.
///
/// Objects keep the key order of their source so that a document written back reads like the input,
/// and numbers keep their exact text (see ``JSONNumber``). Equality is semantic: two objects are equal
/// when they have the same members in any order, and numbers are equal when their values are.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// An empty object, the usual starting point for building a patch or a document.
    public static var emptyObject: JSONValue { .object([:]) }

    /// An integer value.
    public static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    /// A floating-point value.
    public static func double(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }

    /// The JSON type name used in error messages ("object", "array", "string", ...).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The members when this is an object.
    public var objectValue: JSONObject? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The text when this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value when this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The number when this is a number.
    public var numberValue: JSONNumber? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The value when this is an integral number that fits in 64 bits.
    public var int64Value: Int64? { numberValue?.int64Value }

    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
