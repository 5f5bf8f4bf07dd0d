/// Glob patterns: Go's `path.Match` syntax (`*`, `?`, `[...]`, `\` escapes) plus `**` spanning
/// directories, as `.helmignore` and `.Files.Glob` use it; optionally with `{a,b}` alternatives and
/// without a separator (so `*` spans `/` too), as gobwas/glob compiles Argo CD's directory
/// `include`/`exclude` patterns.
public struct Glob: Sendable {
    private let alternatives: [[Unicode.Scalar]]
    private let separator: Unicode.Scalar?

    /// A compiled pattern.
    /// - Parameters:
    ///   - separator: The character `*`, `?` and `[...]` do not match (`**` does); nil for none.
    ///   - braces: Whether `{a,b}` lists alternatives.
    public init(_ pattern: String, separator: Unicode.Scalar? = "/", braces: Bool = false) {
        let scalars = Array(pattern.unicodeScalars)
        alternatives = braces ? Self.expand(scalars) : [scalars]
        self.separator = separator
    }

    /// Whether `name` matches the whole pattern.
    public func matches(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        return alternatives.contains { Self.match($0[...], scalars[...], separator: separator) }
    }

    /// Whether `name` matches `pattern` in `.helmignore`/`.Files.Glob` syntax.
    public static func matches(_ pattern: String, _ name: String) -> Bool {
        Glob(pattern).matches(name)
    }

    /// Braces expanded into plain patterns: `a{b,c}d` gives `abd` and `acd`.
    private static func expand(_ pattern: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var depth = 0
        var open: Int?
        var index = 0
        while index < pattern.count {
            let scalar = pattern[index]
            if scalar == "\\" {
                index += 2
                continue
            }
            if scalar == "{" {
                if depth == 0 { open = index }
                depth += 1
            } else if scalar == "}" && depth > 0 {
                depth -= 1
                if depth == 0, let start = open {
                    let prefix = Array(pattern[..<start]), suffix = Array(pattern[(index + 1)...])
                    return splitChoices(Array(pattern[(start + 1)..<index])).flatMap { expand(prefix + $0 + suffix) }
                }
            }
            index += 1
        }
        return [pattern]
    }

    /// The comma-separated choices of one brace group, respecting nested braces and escapes.
    private static func splitChoices(_ body: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var choices: [[Unicode.Scalar]] = [[]]
        var depth = 0
        var index = 0
        while index < body.count {
            let scalar = body[index]
            if scalar == "\\" && index + 1 < body.count {
                choices[choices.count - 1] += [scalar, body[index + 1]]
                index += 2
                continue
            }
            if scalar == "{" { depth += 1 }
            if scalar == "}" { depth -= 1 }
            if scalar == "," && depth == 0 {
                choices.append([])
            } else {
                choices[choices.count - 1].append(scalar)
            }
            index += 1
        }
        return choices
    }

    private static func match(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>, separator: Unicode.Scalar?) -> Bool {
        var pattern = pattern, name = name
        while let first = pattern.first {
            switch first {
            case "*":
                let doubleStar = pattern.dropFirst().first == "*"
                pattern = pattern.drop(while: { $0 == "*" })
                if pattern.isEmpty { return doubleStar || separator.map { !name.contains($0) } ?? true }
                var candidate = name
                while true {
                    if match(pattern, candidate, separator: separator) { return true }
                    guard let next = candidate.first, doubleStar || next != separator else { return false }
                    candidate = candidate.dropFirst()
                }
            case "?":
                guard let next = name.first, next != separator else { return false }
                pattern = pattern.dropFirst()
                name = name.dropFirst()
            case "[":
                guard let next = name.first, next != separator, let close = pattern.dropFirst().firstIndex(of: "]") else { return false }
                var set = pattern[(pattern.startIndex + 1)..<close]
                let negated = set.first == "^" || set.first == "!"
                if negated { set = set.dropFirst() }
                var found = false
                var index = set.startIndex
                while index < set.endIndex {
                    if index + 2 < set.endIndex && set[index + 1] == "-" {
                        if set[index].value <= next.value && next.value <= set[index + 2].value { found = true }
                        index += 3
                    } else {
                        if set[index] == next { found = true }
                        index += 1
                    }
                }
                guard found != negated else { return false }
                pattern = pattern[(close + 1)...]
                name = name.dropFirst()
            case "\\" where pattern.count > 1:
                guard name.first == pattern[pattern.startIndex + 1] else { return false }
                pattern = pattern.dropFirst(2)
                name = name.dropFirst()
            default:
                guard name.first == first else { return false }
                pattern = pattern.dropFirst()
                name = name.dropFirst()
            }
        }
        return name.isEmpty
    }
}
