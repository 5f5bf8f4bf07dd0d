/// A lexical token of a trigger expression, with the 1-based column it starts at.
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case identifier(String)
        case string(String)
        case number(String)
        /// Punctuation and symbolic operators: `.`, `?.`, `(`, `==`, `&&`, ...
        case symbol(String)
        case end
    }

    let kind: Kind
    let column: Int
}
