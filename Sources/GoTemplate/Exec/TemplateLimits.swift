/// Bounds that keep hostile templates from exhausting the stack, memory or time.
public struct TemplateLimits: Sendable {
    /// How deeply `{{template}}` calls (and nested executions such as Helm's `include`) may nest.
    /// Go allows 100000; a tree-walking interpreter on a thread stack needs a smaller bound.
    public var maxTemplateDepth: Int
    /// How deeply parenthesised expressions may nest when parsing (Go: 10000).
    public var maxExpressionDepth: Int
    /// The largest output one execution may produce, in bytes; also bounds every string and list a
    /// function returns (a list counting the memory of its elements).
    public var maxOutputBytes: Int
    /// The most actions, loop iterations and template calls one execution (with what it includes) may
    /// run, so that a template looping for ever fails instead of hanging; real charts need well under
    /// a million.
    public var maxSteps: Int

    /// The default ``maxOutputBytes``, which also stops encoders (`toJson`, printing) that a shared
    /// value nested many times over would otherwise expand without bound.
    public static let defaultMaxOutputBytes = 256 * 1024 * 1024

    /// Creates limits.
    public init(maxTemplateDepth: Int = 1000, maxExpressionDepth: Int = 1000, maxOutputBytes: Int = defaultMaxOutputBytes, maxSteps: Int = 10_000_000) {
        self.maxTemplateDepth = maxTemplateDepth
        self.maxExpressionDepth = maxExpressionDepth
        self.maxOutputBytes = maxOutputBytes
        self.maxSteps = maxSteps
    }
}
