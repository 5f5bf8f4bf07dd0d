public import Foundation

/// A checkout (or local directory) that generation may read, and the rule that every path a source
/// names stays inside it: no absolute paths, no `..` above the root, no symbolic link whose target
/// lies outside.
public struct RepositoryRoot: Sendable {
    /// The root, with symbolic links resolved.
    public let url: URL

    /// A root at `url`.
    public init(_ url: URL) {
        self.url = url.resolvingSymlinksInPath().standardizedFileURL
    }

    /// `path` (relative to `base`, both relative to the root) as a normalised root-relative path and a
    /// file URL; "" is the root itself.
    /// - Parameter field: The field that named the path, for messages.
    /// - Throws: ``SourceError`` when the path is absolute, climbs above the root, or is (or passes
    ///   through) a link that leads outside.
    public func resolve(_ path: String, relativeTo base: String = "", field: String) throws(SourceError) -> (relative: String, url: URL) {
        if path.hasPrefix("/") {
            throw SourceError("\(field): \"\(path)\" is an absolute path; give a path relative to the repository")
        }
        var parts: [Substring] = base.split(separator: "/")
        for component in path.split(separator: "/") {
            switch component {
            case ".":
                continue
            case "..":
                guard !parts.isEmpty else {
                    throw SourceError("\(field): \"\(path)\" leads outside the repository; paths must stay inside it")
                }
                parts.removeLast()
            default:
                parts.append(component)
            }
        }
        let relative = parts.joined(separator: "/")
        let target = relative.isEmpty ? url : url.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: target.path), !contains(target.resolvingSymlinksInPath()) {
            throw SourceError("\(field): \"\(path)\" is a symbolic link that leads outside the repository; links must stay inside it")
        }
        return (relative, target)
    }

    /// Whether `candidate` (already resolved) is the root or inside it.
    func contains(_ candidate: URL) -> Bool {
        let path = candidate.standardizedFileURL.path
        return path == url.path || path.hasPrefix(url.path.hasSuffix("/") ? url.path : url.path + "/")
    }

    /// Every symbolic link under the root whose target is outside it, as root-relative paths.
    func escapingLinks() -> [String] {
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isSymbolicLinkKey]) else { return [] }
        var links: [String] = []
        let prefixLength = url.path.count + 1
        for case let item as URL in walker {
            guard (try? item.resourceValues(forKeys: [.isSymbolicLinkKey]).isSymbolicLink) == true else { continue }
            if !contains(item.resolvingSymlinksInPath()) { links.append(String(item.standardizedFileURL.path.dropFirst(prefixLength))) }
        }
        return links.sorted()
    }
}
