import Foundation
import Logging
@testable import LocalCluster
import Testing

/// The static token file: kube-apiserver's CSV format, read again when it changes, with errors that
/// name the line and never a token.
struct TokenFileTests {
    private static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-tokens-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func readsUsersUIDsAndQuotedGroups() throws {
        let path = try Self.file("t1,alice,u1,\"devs,qa\"\n\nt2,bob,u2\r\n\"t,3\",\"carol \"\"c\"\"\",u3,ops\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tokens = try TokenFile(path: path, logger: Logger(label: "test"))
        #expect(tokens.user(for: "t1") == UserInfo(name: "alice", uid: "u1", groups: ["devs", "qa", UserInfo.authenticatedGroup]))
        #expect(tokens.user(for: "t2") == UserInfo(name: "bob", uid: "u2", groups: [UserInfo.authenticatedGroup]))
        #expect(tokens.user(for: "t,3")?.name == "carol \"c\"")
        #expect(tokens.user(for: "t4") == nil)
    }

    @Test func aChangedFileIsReadAgainAndABrokenOneGrantsNothing() throws {
        let path = try Self.file("t1,alice,u1\nt2,bob,u2\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tokens = try TokenFile(path: path, logger: Logger(label: "test"))
        #expect(tokens.user(for: "t1") != nil)
        try "t2,bob,u2\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(tokens.user(for: "t1") == nil && tokens.user(for: "t2") != nil)
        try "t2,bob\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(tokens.user(for: "t2") == nil)
    }

    @Test func errorsNameTheLineButNotTheToken() throws {
        let path = try Self.file("good-token,alice,u1\nsecret-token,bob\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try TokenFile(path: path, logger: Logger(label: "test"))
        } throws: { error in
            let message = "\(error)"
            return message.contains("\(path), line 2") && message.contains("at least 3 columns") && !message.contains("secret-token")
        }
        let quote = try Self.file("tok\"en,alice,u1\n")
        defer { try? FileManager.default.removeItem(atPath: quote) }
        #expect(throws: TokenFileError(path: quote, line: 1, reason: "a quote inside an unquoted field; quote the whole field and double the quote")) {
            _ = try TokenFile(path: quote, logger: Logger(label: "test"))
        }
    }
}
