import Foundation

/// Sprig's regular-expression functions (`regex.go`) on Go's RE2 semantics. The plain forms panic in
/// `regexp.MustCompile` on a bad pattern, which text/template reports like the `must` forms' errors.
enum SprigRegex {
    static let functions: [GoFunction] = [
        GoFunction("regexMatch", [.string, .string]) { a, _ in .bool((try? GoRegex.compile(a.string(0)))?.matches(a.string(1)) ?? false) },
        GoFunction("mustRegexMatch", [.string, .string]) { a, _ in .bool(try compile(a.string(0), must: true).matches(a.string(1))) },
        GoFunction("regexFindAll", [.string, .string, .int]) { a, _ in try findAll(a, must: false) },
        GoFunction("mustRegexFindAll", [.string, .string, .int]) { a, _ in try findAll(a, must: true) },
        GoFunction("regexFind", [.string, .string]) { a, _ in try find(a, must: false) },
        GoFunction("mustRegexFind", [.string, .string]) { a, _ in try find(a, must: true) },
        GoFunction("regexReplaceAll", [.string, .string, .string]) { a, _ in
            .string(try compile(a.string(0), must: false).replaceAll(in: a.string(1), with: a.string(2), literal: false))
        },
        GoFunction("mustRegexReplaceAll", [.string, .string, .string]) { a, _ in
            .string(try compile(a.string(0), must: true).replaceAll(in: a.string(1), with: a.string(2), literal: false))
        },
        GoFunction("regexReplaceAllLiteral", [.string, .string, .string]) { a, _ in
            .string(try compile(a.string(0), must: false).replaceAll(in: a.string(1), with: a.string(2), literal: true))
        },
        GoFunction("mustRegexReplaceAllLiteral", [.string, .string, .string]) { a, _ in
            .string(try compile(a.string(0), must: true).replaceAll(in: a.string(1), with: a.string(2), literal: true))
        },
        GoFunction("regexSplit", [.string, .string, .int]) { a, _ in
            .list(.strings(try compile(a.string(0), must: false).split(a.string(1), limit: a.int(2))))
        },
        GoFunction("mustRegexSplit", [.string, .string, .int]) { a, _ in
            .list(.strings(try compile(a.string(0), must: true).split(a.string(1), limit: a.int(2))))
        },
        GoFunction("regexQuoteMeta", [.string]) { a, _ in .string(GoRegex.quoteMeta(a.string(0))) },
    ]

    /// Compiles a pattern: `must` forms return Go's compile error, the others `MustCompile`'s panic text.
    private static func compile(_ pattern: String, must: Bool) throws -> GoRegex {
        do {
            return try GoRegex.compile(pattern)
        } catch {
            if must { throw GoFunctionError(error.description) }
            let quoted = GoQuote.canBackquote(pattern) ? "`" + pattern + "`" : GoQuote.quote(pattern)
            throw GoFunctionError("regexp: Compile(\(quoted)): \(error.description)")
        }
    }

    private static func findAll(_ a: [GoValue], must: Bool) throws -> GoValue {
        let text = a.string(1) as NSString
        let found = try compile(a.string(0), must: must).matches(in: a.string(1), limit: a.int(2))
        return .list(.strings(found.map { text.substring(with: $0[0]) }))
    }

    private static func find(_ a: [GoValue], must: Bool) throws -> GoValue {
        let text = a.string(1) as NSString
        guard let first = try compile(a.string(0), must: must).matches(in: a.string(1), limit: 1).first else { return "" }
        return .string(text.substring(with: first[0]))
    }
}
