import Foundation
import ProcessRunner
import Testing

@Suite("Child processes")
struct ChildProcessTests {
    @Test("large input and output pass through without stalling on full pipes")
    func largeInputAndOutput() async throws {
        let input = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
        let result = try await ChildProcess("cat", input: input, timeout: .seconds(30)).run()
        #expect(result.status == 0)
        #expect(result.standardOutput == input)
    }

    @Test("exit status, standard error, environment and working directory reach the caller")
    func statusErrorsEnvironmentDirectory() async throws {
        let directory = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
        let result = try await ChildProcess(
            "sh", arguments: ["-c", "echo \"$WHARF_VALUE\"; pwd; echo oops >&2; exit 3"], environment: ["WHARF_VALUE": "from-env"],
            directory: directory
        ).run()
        #expect(result.status == 3)
        #expect(result.outputText == "from-env\n\(directory.path)\n")
        #expect(result.errorText == "oops")
    }

    @Test("a timeout stops the command and everything it started, even when a descendant holds the pipes")
    func timeoutKillsTheGroup() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-child-\(UUID().uuidString)")
        await #expect(throws: ChildProcessError.self) {
            // The background sleep inherits stdout: without killing the group, reading would never end.
            try await ChildProcess("sh", arguments: ["-c", "(sleep 3; touch \(marker.path)) & sleep 30"], timeout: .milliseconds(300)).run()
        }
        try await Task.sleep(for: .seconds(3.5))
        #expect(!FileManager.default.fileExists(atPath: marker.path), "the background child survived the timeout")
    }

    @Test("a command that closes its output but keeps running is still stopped at the deadline")
    func deadlineAppliesAfterOutputCloses() async throws {
        let error = await #expect(throws: ChildProcessError.self) {
            try await ChildProcess("sh", arguments: ["-c", "exec >/dev/null 2>&1; sleep 30"], timeout: .milliseconds(300)).run()
        }
        #expect(error?.reason == .timedOut)
    }

    @Test("output past the limit stops the command with a clear error")
    func outputLimit() async throws {
        let error = await #expect(throws: ChildProcessError.self) {
            try await ChildProcess("sh", arguments: ["-c", "yes"], timeout: .seconds(30), outputLimit: 1 << 20).run()
        }
        #expect(error?.reason == .outputTooLarge)
        #expect(error?.message.contains("1048576 bytes") == true)
    }

    @Test("a missing executable is reported by name")
    func missingExecutable() async throws {
        let error = await #expect(throws: ChildProcessError.self) {
            try await ChildProcess("wharf-no-such-tool").run()
        }
        #expect(error?.reason == .cannotStart)
        #expect(error?.message.contains("wharf-no-such-tool") == true)
    }

    @Test("a command that exits without reading its input does not break the caller")
    func unreadInput() async throws {
        let result = try await ChildProcess("true", input: Data(repeating: 7, count: 1 << 20)).run()
        #expect(result.status == 0)
    }
}
