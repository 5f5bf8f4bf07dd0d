public import KubeModel

extension Glob {
    /// Whether `value` matches an AppProject pattern: a glob in which `*` spans everything (Argo CD
    /// compiles project patterns without separators), or, with a leading `!`, anything the rest does
    /// not match.
    public static func projectPatternMatches(_ pattern: String, _ value: String) -> Bool {
        if pattern.hasPrefix("!") { return !Glob(String(pattern.dropFirst()), separator: nil, braces: true).matches(value) }
        return Glob(pattern, separator: nil, braces: true).matches(value)
    }

    /// Whether `pattern` is a negation (`!pattern`), which denies instead of allowing.
    public static func isDenyPattern(_ pattern: String) -> Bool {
        pattern.hasPrefix("!")
    }
}
