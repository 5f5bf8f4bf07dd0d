import Foundation

/// Reads a file argument, with `-` meaning standard input as kubectl's `-f -`.
enum InputFile {
    /// The text of `path`, or a ``CommandFailure`` naming the file when it cannot be read.
    static func read(_ path: String) throws -> String {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return String(decoding: data, as: UTF8.self)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CommandFailure(exists ? "\(path): cannot be read; check its permissions" : "\(path): no such file")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The name to show for `path` in messages.
    static func displayName(_ path: String) -> String {
        path == "-" ? "<stdin>" : path
    }
}
