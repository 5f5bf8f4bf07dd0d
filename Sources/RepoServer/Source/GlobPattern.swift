/// The glob syntax of `directory.include`/`exclude`: `*` (any characters, `/` included, as upstream
/// compiles these patterns without separators), `?`, `[abc]`, `[a-z]`, `[!abc]`, `{one,two}`
/// alternatives (nestable), and `\` escapes.
struct GlobPattern {
    private let alternatives: [[Unicode.Scalar]]

    init(_ pattern: String) {
        alternatives = Self.expand(Array(pattern.unicodeScalars)).map { $0 }
    }

    /// Whether `path` matches the pattern as a whole.
    func matches(_ path: String) -> Bool {
        let name = Array(path.unicodeScalars)
        return alternatives.contains { Self.match($0[...], name[...]) }
    }

    /// Braces expanded into plain patterns: `a{b,c}d` → `abd`, `acd`.
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
                    var results: [[Unicode.Scalar]] = []
                    for choice in splitChoices(Array(pattern[(start + 1)..<index])) {
                        results += expand(prefix + choice + suffix)
                    }
                    return results
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

    private static func match(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        var pattern = pattern, name = name
        while let first = pattern.first {
            switch first {
            case "*":
                pattern = pattern.drop { $0 == "*" }
                if pattern.isEmpty { return true }
                var candidate = name
                while true {
                    if match(pattern, candidate) { return true }
                    guard !candidate.isEmpty else { return false }
                    candidate = candidate.dropFirst()
                }
            case "?":
                guard !name.isEmpty else { return false }
                pattern = pattern.dropFirst()
                name = name.dropFirst()
            case "[":
                guard let next = name.first, let close = pattern.dropFirst(2).firstIndex(of: "]") else { return false }
                var set = pattern[(pattern.startIndex + 1)..<close]
                let negated = set.first == "!" || set.first == "^"
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
