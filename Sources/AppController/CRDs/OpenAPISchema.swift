import KubeModel

/// Builders for the OpenAPI v3 structural schemas the Argo CRDs declare, so that each field reads as
/// one line and a type shared by several fields (an application source, a retry strategy) is written once.
enum OpenAPISchema {
    static let string: JSONValue = ["type": "string"]
    static let boolean: JSONValue = ["type": "boolean"]
    static let integer: JSONValue = ["type": "integer", "format": "int64"]
    /// A `metav1.Time`.
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    /// An `intstr.IntOrString`.
    static let intOrString: JSONValue = ["anyOf": [["type": "integer"], ["type": "string"]], "x-kubernetes-int-or-string": true]
    static let strings: JSONValue = array(string)
    /// A `map[string]string`.
    static let stringMap: JSONValue = map(string)
    /// An object whose members the API server keeps as written instead of pruning them: for fields
    /// upstream leaves free-form (Helm values) and deeper parts Wharf deliberately leaves untyped.
    static let open: JSONValue = ["type": "object", "x-kubernetes-preserve-unknown-fields": true]

    /// An object with the given members, of which `required` must be present.
    static func object(_ properties: JSONObject, required: [String] = []) -> JSONValue {
        var schema: JSONObject = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        return .object(schema)
    }

    /// A list of `items`.
    static func array(_ items: JSONValue) -> JSONValue {
        ["type": "array", "items": items]
    }

    /// An object with arbitrary keys, each holding a `values`.
    static func map(_ values: JSONValue) -> JSONValue {
        ["type": "object", "additionalProperties": values]
    }

    /// `schema` with a description, which `kubectl explain` shows.
    static func described(_ description: String, _ schema: JSONValue) -> JSONValue {
        var described = schema
        described["description"] = .string(description)
        return described
    }
}
