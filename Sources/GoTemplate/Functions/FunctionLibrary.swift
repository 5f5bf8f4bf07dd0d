/// The functions templates may call, by name. Parsing checks names against it (an unknown name is a
/// parse error, as in Go) and execution looks functions up in it.
///
/// Adding a function is registering one value; later registrations replace earlier ones of the same
/// name, which is how Helm overrides Sprig's `toJson` or adds `include`.
public struct FunctionLibrary: Sendable {
    private var functions: [String: GoFunction]

    /// An empty library; Go's builtins (`and`, `len`, `printf`, ...) are always available on top of it.
    public init() {
        functions = [:]
    }

    /// Creates a library holding the given functions.
    public init(_ functions: [GoFunction]) {
        self.functions = [:]
        for function in functions { register(function) }
    }

    /// Adds a function, replacing any of the same name.
    public mutating func register(_ function: GoFunction) {
        functions[function.name] = function
    }

    /// Adds functions, replacing any of the same names.
    public mutating func register(contentsOf newFunctions: [GoFunction]) {
        for function in newFunctions { register(function) }
    }

    /// Removes a function (Helm removes Sprig's `env` and `expandenv`).
    public mutating func remove(_ name: String) {
        functions[name] = nil
    }

    /// Returns a library with the given functions added.
    public func adding(_ newFunctions: [GoFunction]) -> FunctionLibrary {
        var copy = self
        copy.register(contentsOf: newFunctions)
        return copy
    }

    /// The function with the given name, ignoring builtins.
    public subscript(name: String) -> GoFunction? { functions[name] }

    /// The names of the registered functions (not the builtins).
    public var names: Dictionary<String, GoFunction>.Keys { functions.keys }

    /// Looks a name up as Go does: registered functions first, then the builtins.
    func lookup(_ name: String) -> (function: GoFunction, isBuiltin: Bool)? {
        if let function = functions[name] { return (function, false) }
        if let function = Builtins.table[name] { return (function, true) }
        return nil
    }
}
