import KubeModel
/// `.helmignore` rules: gitignore-like globs; `!` re-includes, a trailing `/` matches directories only,
/// a pattern without `/` matches a file's base name anywhere, one with `/` the path from the chart root.
struct HelmIgnore {
    private struct Rule {
        let pattern: String
        let negate: Bool
        let directoryOnly: Bool
        let matchesBaseName: Bool
    }

    private var rules: [Rule] = []

    init(_ text: String) {
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: " \t")
            if line.isEmpty || line.hasPrefix("#") { continue }
            var negate = false
            if line.hasPrefix("!") {
                negate = true
                line.removeFirst()
            }
            var directoryOnly = false
            if line.hasSuffix("/") {
                directoryOnly = true
                line.removeLast()
            }
            if line.hasPrefix("/") { line.removeFirst() }
            rules.append(Rule(pattern: line, negate: negate, directoryOnly: directoryOnly, matchesBaseName: !line.contains("/")))
        }
    }

    /// Whether a path (relative to the chart root) is ignored.
    func ignores(_ path: String, isDirectory: Bool) -> Bool {
        // Helm always keeps templates' hidden files out and Chart.yaml in.
        if path == "Chart.yaml" { return false }
        var ignored = false
        let base = path.split(separator: "/").last.map(String.init) ?? path
        for rule in rules {
            if rule.directoryOnly && !isDirectory { continue }
            let subject = rule.matchesBaseName ? base : path
            if Glob.matches(rule.pattern, subject) { ignored = !rule.negate }
        }
        return ignored
    }
}

extension Substring {
    func trimmingCharacters(in characters: String) -> String {
        String(drop(while: { characters.contains($0) }).reversed().drop(while: { characters.contains($0) }).reversed())
    }
}
