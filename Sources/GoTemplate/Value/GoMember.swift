/// A field or a method of a ``GoObject``.
public enum GoMember: Sendable {
    /// A struct field with its value. `declaredType` is the field's declared type when it differs from
    /// the value's (an `interface {}` field), so that errors name it as Go's do.
    case field(GoValue, declaredType: GoType? = nil)
    /// A method bound to its receiver.
    case method(GoFunction)
}
