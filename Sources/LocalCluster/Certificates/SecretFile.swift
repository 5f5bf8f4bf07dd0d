import Foundation

/// Writes files that hold secrets (keys, tokens) readable by their owner only.
enum SecretFile {
    static func write(_ text: String, to url: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = manager.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        try Data(text.utf8).write(to: url)
    }

    /// Reads `url`, or writes `make()` there first when it does not exist yet.
    static func readOrCreate(_ url: URL, make: () -> String) throws -> String {
        if let data = FileManager.default.contents(atPath: url.path) {
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let value = make()
        try write(value, to: url)
        return value
    }
}
