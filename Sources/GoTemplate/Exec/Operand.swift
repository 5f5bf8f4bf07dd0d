/// A value during evaluation, with whether it sits in an `interface {}` slot (a map or slice element, an
/// interface field). Go reports such values' type as `interface {}` in errors and treats a nil one as a
/// nil interface rather than as no value.
struct Operand {
    var value: GoValue
    var boxed: Bool

    init(_ value: GoValue, boxed: Bool = false) {
        self.value = value
        self.boxed = boxed
    }

    static let noValue = Operand(.noValue)

    /// The type name Go's errors print for this operand.
    var staticTypeName: String {
        boxed ? "interface {}" : (value.goType?.name ?? "<nil>")
    }
}
