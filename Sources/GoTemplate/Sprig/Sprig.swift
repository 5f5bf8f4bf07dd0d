/// The Sprig function library (Masterminds/sprig v3), as Helm provides it to templates.
public enum Sprig {
    /// Every Sprig function.
    public static let functions: [GoFunction] =
        SprigStrings.functions + SprigLists.functions + SprigDicts.functions + SprigMath.functions
        + SprigDefaults.functions + SprigReflection.functions + SprigEncoding.functions + SprigPaths.functions
        + SprigNetwork.functions + SprigRandom.functions + SprigRegex.functions + SprigSemver.functions + SprigDates.functions + SprigCrypto.functions + SprigCertificates.functions
}

extension FunctionLibrary {
    /// The Sprig functions (Go's builtins are always available on top).
    public static let sprig = FunctionLibrary(Sprig.functions)
}
