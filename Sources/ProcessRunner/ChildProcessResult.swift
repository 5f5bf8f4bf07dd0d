public import Foundation

/// What a finished child process printed and how it ended.
public struct ChildProcessResult: Sendable {
    /// The exit status; 128 + the signal number when a signal ended it, as shells report it.
    public var status: Int32
    /// Everything written to standard output.
    public var standardOutput: Data
    /// Everything written to standard error.
    public var standardError: Data

    /// Standard error as text, trimmed, for error messages.
    public var errorText: String {
        String(decoding: standardError, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Standard output as text.
    public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
}
