import Foundation

/// Asks before acting on a cluster, as upstream's `AskToProceed` does; `--yes` skips the question.
enum ClusterConfirmation {
    /// Whether the user answered y or yes on standard input; anything else, or no input, is no.
    static func ask(_ question: String) -> Bool {
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        guard let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased() else {
            // No input (not a terminal): end the question's line before the error that follows.
            FileHandle.standardError.write(Data("\n".utf8))
            return false
        }
        return answer == "y" || answer == "yes"
    }
}
