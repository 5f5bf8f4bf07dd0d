/// A static token file that cannot be used; the message names the file and the line, never a token.
public struct TokenFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The line at fault, when one is.
    public var line: Int?
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String {
        let place = line.map { "token file \(path), line \($0)" } ?? "token file \(path)"
        return "\(place): \(reason)"
    }
}
