/// Go's `path.Match` globbing (`*`, `?`, `[...]`, `\` escapes) plus `**` spanning directories, as
/// `.helmignore` and `.Files.Glob` use it.
enum Glob {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        match(Array(pattern.unicodeScalars)[...], Array(name.unicodeScalars)[...])
    }

    private static func match(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        var pattern = pattern, name = name
        while let first = pattern.first {
            switch first {
            case "*":
                let doubleStar = pattern.dropFirst().first == "*"
                pattern = pattern.drop(while: { $0 == "*" })
                if pattern.isEmpty { return doubleStar || !name.contains("/") }
                var candidate = name
                while true {
                    if match(pattern, candidate) { return true }
                    guard let next = candidate.first, doubleStar || next != "/" else { return false }
                    candidate = candidate.dropFirst()
                }
            case "?":
                guard let next = name.first, next != "/" else { return false }
                pattern = pattern.dropFirst()
                name = name.dropFirst()
            case "[":
                guard let next = name.first, next != "/", let close = pattern.dropFirst().firstIndex(of: "]") else { return false }
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
