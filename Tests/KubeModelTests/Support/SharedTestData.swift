import Foundation

/// Locates `../shared/testdata` beside the repository checkout (read-only real-world inputs).
enum SharedTestData {
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("shared/testdata")
    }

    /// Every file under `subdirectory` whose name satisfies `include`, sorted for stable runs.
    static func files(under subdirectory: String, where include: (String) -> Bool) -> [URL] {
        let root = directory.appendingPathComponent(subdirectory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { include($0.lastPathComponent) }.sorted { $0.path < $1.path }
    }
}
