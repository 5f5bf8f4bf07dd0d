/// A function held as a value (for instance in a map), which the `call` builtin invokes.
public struct GoFunctionValue: GoObject {
    /// The function.
    public let function: GoFunction

    /// Wraps a function as a value.
    public init(_ function: GoFunction) {
        self.function = function
    }

    public var goType: GoType {
        var parameters = function.parameters.map(\.typeName)
        if let variadic = function.variadic { parameters.append("..." + variadic.typeName) }
        return GoType(name: "func(" + parameters.joined(separator: ", ") + ") interface {}", kind: .func)
    }

    public var defaultFormat: String { "0x0" }
}
