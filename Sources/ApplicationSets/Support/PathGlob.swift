/// A shell pattern over slash-separated paths, with Go's `path.Match` syntax: `*` (any run of
/// characters), `?` (one character), `[...]` classes with ranges and `^` negation, `\` escapes.
///
/// The Git directory generator matches with `path.Match`, where `*` and `?` never match `/`. The Git
/// file generator's default globbing is greedier (upstream matches files the way `git ls-files` does,
/// so `apps/*/config.json` also finds `apps/a/b/config.json`); `crossesSeparators` selects that.
struct PathGlob: Sendable {
    let pattern: [Character]
    let crossesSeparators: Bool

    init(_ pattern: String, crossesSeparators: Bool = false) {
        self.pattern = Array(pattern)
        self.crossesSeparators = crossesSeparators
    }

    /// Whether the whole of `path` matches the pattern.
    func matches(_ path: String) -> Bool {
        match(pattern[...], Array(path)[...])
    }

    private func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        var pattern = pattern
        var text = text
        while let token = pattern.first {
            switch token {
            case "*":
                // `**` is `*` here: without separator crossing it could not cross one either.
                while pattern.first == "*" { pattern = pattern.dropFirst() }
                if pattern.isEmpty { return crossesSeparators || !text.contains("/") }
                var rest = text
                while true {
                    if match(pattern, rest) { return true }
                    guard let next = rest.first, crossesSeparators || next != "/" else { return false }
                    rest = rest.dropFirst()
                }
            case "?":
                guard let next = text.first, crossesSeparators || next != "/" else { return false }
                pattern = pattern.dropFirst()
                text = text.dropFirst()
            case "[":
                guard let next = text.first, next != "/" || crossesSeparators,
                    let (matched, remaining) = matchClass(pattern.dropFirst(), next), matched
                else { return false }
                pattern = remaining
                text = text.dropFirst()
            case "\\":
                pattern = pattern.dropFirst()
                guard let literal = pattern.first, text.first == literal else { return false }
                pattern = pattern.dropFirst()
                text = text.dropFirst()
            default:
                guard text.first == token else { return false }
                pattern = pattern.dropFirst()
                text = text.dropFirst()
            }
        }
        return text.isEmpty
    }

    /// Matches `character` against the class starting after `[`; nil for a malformed class (no match).
    private func matchClass(_ pattern: ArraySlice<Character>, _ character: Character) -> (Bool, ArraySlice<Character>)? {
        var pattern = pattern
        var negated = false
        if pattern.first == "^" {
            negated = true
            pattern = pattern.dropFirst()
        }
        var matched = false
        var first = true
        while true {
            guard var low = pattern.first else { return nil }
            if low == "]" && !first { break }
            first = false
            pattern = pattern.dropFirst()
            if low == "\\" {
                guard let escaped = pattern.first else { return nil }
                low = escaped
                pattern = pattern.dropFirst()
            }
            var high = low
            if pattern.first == "-", let upper = pattern.dropFirst().first, upper != "]" {
                high = upper
                pattern = pattern.dropFirst(2)
                if high == "\\" {
                    guard let escaped = pattern.first else { return nil }
                    high = escaped
                    pattern = pattern.dropFirst()
                }
            }
            if low <= character && character <= high { matched = true }
        }
        return (matched != negated, pattern.dropFirst())
    }
}
