/// A function callable from templates: a name, a Go-like signature and a body.
///
/// The signature is what makes Go's argument rules apply: arguments are checked and converted against
/// `parameters` (then `variadic` for the rest), and a wrong count or type fails before the body runs.
public struct GoFunction: Sendable {
    /// The body: receives the converted arguments and the execution context, returns the result or throws
    /// (a thrown error becomes Go's `error calling NAME: ...`).
    public typealias Body = @Sendable (_ arguments: [GoValue], _ context: ExecutionContext) throws -> GoValue

    /// The name templates call the function by.
    public let name: String
    /// The types of the fixed parameters.
    public let parameters: [GoParameterType]
    /// The element type of the trailing variadic parameter, if the function is variadic.
    public let variadic: GoParameterType?
    let body: Body
    let special: SpecialForm?

    /// Creates a function.
    /// - Parameters:
    ///   - name: the name templates call it by.
    ///   - parameters: the fixed parameter types.
    ///   - variadic: the element type of a trailing `...` parameter.
    ///   - body: the implementation.
    public init(_ name: String, _ parameters: [GoParameterType] = [], variadic: GoParameterType? = nil, body: @escaping Body) {
        self.name = name
        self.parameters = parameters
        self.variadic = variadic
        self.body = body
        special = nil
    }

    init(builtin name: String, _ parameters: [GoParameterType], variadic: GoParameterType?, special: SpecialForm) {
        self.name = name
        self.parameters = parameters
        self.variadic = variadic
        body = { _, _ in .noValue }
        self.special = special
    }

    /// Calls the function directly with already converted arguments.
    public func callAsFunction(_ arguments: [GoValue], context: ExecutionContext) throws -> GoValue {
        try body(arguments, context)
    }

    /// The builtins whose arguments the engine evaluates itself (short-circuit, callee name).
    enum SpecialForm: Sendable {
        case and
        case or
        case call
    }
}
