/// Messages whose JSON is not an object of their fields, because the Go type marshals itself.
enum ProtobufSpecialEncoding: String, Sendable {
    /// `resource.Quantity`: its canonical string.
    case quantity
    /// `intstr.IntOrString`: a number or a string, as its type field says.
    case intOrString
    /// `meta.v1.Time`: RFC 3339 in UTC with whole seconds, or null when unset.
    case time
    /// `meta.v1.MicroTime`: RFC 3339 in UTC with microseconds, or null when unset.
    case microTime
    /// `meta.v1.Duration`: Go's duration text such as `1h0m0s`.
    case duration
    /// `runtime.RawExtension`, `meta.v1.FieldsV1`, apiextensions `JSON`: embedded JSON bytes.
    case rawJSON
    /// A Go named slice (such as `meta.v1.Verbs`) wrapped in a message: the bare array.
    case items
    /// apiextensions `JSONSchemaPropsOrArray`: an array of schemas, or one schema.
    case schemaOrArray
    /// apiextensions `JSONSchemaPropsOrBool`: a schema, or a boolean.
    case schemaOrBool
    /// apiextensions `JSONSchemaPropsOrStringArray`: an array of strings, or a schema.
    case schemaOrStringArray
}
