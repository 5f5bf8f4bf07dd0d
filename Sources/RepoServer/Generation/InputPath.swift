/// A repository path whose content a generation read: when a commit changes nothing under any of
/// an application's input paths, its manifests are reused without generating again.
public struct InputPath: Sendable, Hashable, Codable {
    /// The repository: the source's repository URL, or `$name` for the source with that ref.
    public var repository: String
    /// A directory or file, relative to the repository root ("" is the whole repository).
    public var path: String

    /// An input path.
    public init(repository: String, path: String) {
        self.repository = repository
        self.path = path
    }

    /// Whether a changed file (root-relative) lies at or under this path.
    func covers(_ file: String) -> Bool {
        path.isEmpty || file == path || (file.hasPrefix(path) && file.utf8.dropFirst(path.utf8.count).first == UInt8(ascii: "/"))
    }
}
