import Foundation
import KubeDiff
import Testing

struct UnifiedDiffTests {
    @Test func equalTextsGiveNoDiff() {
        #expect(UnifiedDiff.diff(old: "a\nb\n", new: "a\nb\n", oldName: "x", newName: "y").isEmpty)
    }

    @Test func showsContextAndLineNumbers() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        let expected = """
            --- old
            +++ new
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """
        #expect(UnifiedDiff.diff(old: old, new: new, oldName: "old", newName: "new") == expected)
    }

    /// For random edits, GNU `patch` applied to our diff turns the old text into the new one, and
    /// our diff changes no more lines than GNU `diff -u` does. (Equal-cost scripts may place a
    /// change at a different one of several equal lines; that is still a correct, minimal diff.)
    @Test(.enabled(if: Self.toolsInstalled, "GNU diff and patch are not installed (apt-get install diffutils patch)"))
    func isAMinimalDiffThatGNUPatchApplies() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-udiff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SystemRandomNumberGenerator()
        let vocabulary = ["a", "b", "c", "d", "spec:", "  x: 1", ""]
        for round in 0..<120 {
            let old = (0..<Int.random(in: 0...30, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
            var new = old
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                let position = Int.random(in: 0...new.count, using: &generator)
                switch Int.random(in: 0...2, using: &generator) {
                case 0: new.insert(vocabulary.randomElement(using: &generator)!, at: position)
                case 1 where position < new.count: new.remove(at: position)
                default: if position < new.count { new[position] = "changed \(round)" }
                }
            }
            let oldText = old.map { $0 + "\n" }.joined()
            let newText = new.map { $0 + "\n" }.joined()
            let oldFile = directory.appendingPathComponent("old")
            let newFile = directory.appendingPathComponent("new")
            let patchFile = directory.appendingPathComponent("ours.diff")
            try oldText.write(to: oldFile, atomically: true, encoding: .utf8)
            try newText.write(to: newFile, atomically: true, encoding: .utf8)
            let gnu = try Self.run("/usr/bin/diff", ["-u", oldFile.path, newFile.path])
            let ours = UnifiedDiff.diff(old: oldText, new: newText, oldName: "old", newName: "new")
            let context = "round \(round):\n\(oldText)---\n\(newText)\nours:\n\(ours)\ngnu:\n\(gnu)"
            #expect(Self.changedLineCount(ours) == Self.changedLineCount(gnu), "\(context)")
            guard !ours.isEmpty else {
                #expect(oldText == newText, "\(context)")
                continue
            }
            try ours.write(to: patchFile, atomically: true, encoding: .utf8)
            _ = try Self.run("/usr/bin/patch", ["--quiet", "--force", "--fuzz=0", oldFile.path, patchFile.path])
            #expect(try String(contentsOf: oldFile, encoding: .utf8) == newText, "\(context)")
        }
    }

    private static let toolsInstalled = ["/usr/bin/diff", "/usr/bin/patch"].allSatisfy(FileManager.default.isExecutableFile)

    private static func changedLineCount(_ diff: String) -> Int {
        diff.split(separator: "\n").dropFirst(2).filter { $0.hasPrefix("-") || $0.hasPrefix("+") }.count
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
