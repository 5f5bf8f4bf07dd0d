import Foundation
public import KubeModel

/// A jq path expression from `ignoreDifferences[].jqPathExpressions`: the paths it yields in an object
/// are the fields that do not count (Argo CD runs `del(EXPR)` with gojq).
///
/// Only the subset that ignore rules use is understood: `.`, `.name`, `."quoted.name"`, `.["name"]`,
/// `.[n]` (negative counts from the end), `.[]` over arrays and objects, a `?` suffix that swallows
/// errors, `|`, `,`, parentheses, `select(COND)` and `empty`. Conditions may also use `==`, `!=`, `and`,
/// `or`, `not`, `has(k)`, `startswith(s)`, `endswith(s)`, `test(re)`, `test(re; flags)`, `contains(x)`
/// and string, number, boolean and null literals. Anything else is rejected when parsing, with the
/// column where the unsupported syntax starts, rather than silently ignoring less than the user asked.
public struct JQPathExpression: Sendable, CustomStringConvertible {
    /// One step of a path: an object member or an array element.
    public enum PathComponent: Sendable, Hashable, Comparable, CustomStringConvertible {
        case key(String)
        case index(Int)

        /// jq's order, which `delpaths` relies on: numbers before strings.
        public static func < (lhs: PathComponent, rhs: PathComponent) -> Bool {
            switch (lhs, rhs) {
            case (.index(let left), .index(let right)): left < right
            case (.key(let left), .key(let right)): left < right
            case (.index, .key): true
            case (.key, .index): false
            }
        }

        public var description: String {
            switch self {
            case .key(let name): JSONWriter.string(.string(name))
            case .index(let index): String(index)
            }
        }
    }

    /// An expression that is not jq, or uses jq beyond the supported subset.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The expression as written.
        public var expression: String
        /// Where the offending syntax starts, counting characters from 1.
        public var column: Int
        /// What is wrong and, where it helps, what to write instead.
        public var reason: String

        public var description: String { "unsupported jq syntax at column \(column) of \"\(expression)\": \(reason)" }
    }

    /// The expression as written.
    public let source: String
    private let root: Node

    /// Parses `source`.
    /// - Throws: ``SyntaxError`` when the text is not jq, uses syntax outside the supported subset, or
    ///   is not a path expression (a comparison or literal where a path is needed, as in `.a == 1`).
    public init(parsing source: String) throws(SyntaxError) {
        var parser = Parser(source: source)
        self.source = source
        root = try parser.parseExpression()
    }

    /// The paths the expression yields in `document`, as `path(EXPR)` would.
    ///
    /// An expression that fails on this document (iterating over a missing list without `?`,
    /// indexing a string) yields nothing at all, as upstream's `del` fails and leaves the object alone.
    public func paths(in document: JSONValue) -> [[PathComponent]] {
        let outputs = Self.evaluate(root, on: (document, []))
        guard !outputs.failed else { return [] }
        // Every path-position construct keeps its input's path (the parser rejects the rest), so no
        // output lacks one.
        return outputs.items.compactMap(\.path)
    }

    public var description: String { source }
}
