import KubeModel

/// The paths of an Application's `argocd.argoproj.io/manifest-generate-paths` annotation, resolved
/// to paths from the repository root.
///
/// Entries are separated by `;`. One starting with `/` is from the repository root; any other is
/// relative to the source's `path` (so `.` is the source directory itself, and `..` climbs out of
/// it). An entry may be a glob (`*`, `?`, `[...]`, and `**` across directories).
struct ManifestGeneratePaths: Sendable {
    private var literals: [[Substring]] = []
    private var globs: [Glob] = []

    /// The annotation's entries resolved against each of `sourcePaths`; nil when the annotation is
    /// absent or lists nothing, which means every change matters.
    init?(annotation: String?, sourcePaths: [String]) {
        let entries = (annotation ?? "").split(separator: ";").map { $0.trimming(while: \.isWhitespace) }.filter { !$0.isEmpty }
        guard !entries.isEmpty else { return nil }
        for entry in entries {
            let resolved = entry.hasPrefix("/") ? [Self.components(entry)] : sourcePaths.map { Self.components($0 + "/" + entry) }
            for path in resolved {
                if path.contains(where: { $0.contains(where: { "*?[\\".contains($0) }) }) {
                    globs.append(Glob(path.joined(separator: "/")))
                } else {
                    literals.append(path)
                }
            }
        }
    }

    /// Whether any of `files` (paths from the repository root) is one of the paths or lies under one.
    func containsAny(of files: [String]) -> Bool {
        files.contains { file in
            let parts = Self.components(file)
            if literals.contains(where: { parts.starts(with: $0) }) { return true }
            // A glob names a file or a directory; a file under a matching directory counts too.
            return (1...max(parts.count, 1)).contains { length in
                let ancestor = parts.prefix(length).joined(separator: "/")
                return globs.contains { $0.matches(ancestor) }
            }
        }
    }

    /// A path's components with `.` and empty ones dropped and `..` applied; `..` at the root stays
    /// at the root, as Go's `filepath.Clean` of an absolute path does.
    private static func components(_ path: String) -> [Substring] {
        var result: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = result.popLast()
            default: result.append(part)
            }
        }
        return result
    }
}
