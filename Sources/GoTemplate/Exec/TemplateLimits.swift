/// Bounds that keep hostile templates from exhausting the stack, memory or time.
public struct TemplateLimits: Sendable {
    /// How deeply `{{template}}` calls (and nested executions such as Helm's `include`) may nest.
    /// Go allows 100000; a tree-walking interpreter on a thread stack needs a smaller bound.
    public var maxTemplateDepth: Int
    /// How deeply parenthesised expressions may nest when parsing (Go: 10000).
    public var maxExpressionDepth: Int
    /// The largest output one execution may produce, in bytes; also bounds strings and lists that
    /// functions such as `repeat`, `indent` and `until` build.
    public var maxOutputBytes: Int

    /// Creates limits.
    public init(maxTemplateDepth: Int = 1000, maxExpressionDepth: Int = 1000, maxOutputBytes: Int = 256 * 1024 * 1024) {
        self.maxTemplateDepth = maxTemplateDepth
        self.maxExpressionDepth = maxExpressionDepth
        self.maxOutputBytes = maxOutputBytes
    }
}
