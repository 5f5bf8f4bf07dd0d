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

    /// The hunks must be exactly those of GNU `diff -u` on the same files, for random edits.
    @Test(.enabled(if: Self.diffPath != nil, "GNU diff is not installed (apt-get install diffutils)"))
    func agreesWithGNUDiff() throws {
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
            try oldText.write(to: oldFile, atomically: true, encoding: .utf8)
            try newText.write(to: newFile, atomically: true, encoding: .utf8)
            let gnu = try Self.run(Self.diffPath!, ["-u", oldFile.path, newFile.path])
            let ours = UnifiedDiff.diff(old: oldText, new: newText, oldName: "old", newName: "new")
            // Compare the hunks: the header lines carry file times in GNU's output. Equal-cost edit
            // scripts may differ in which equal line they keep, so compare hunk headers and the
            // multiset of added and removed lines per hunk.
            #expect(Self.hunkSummary(ours) == Self.hunkSummary(gnu), "round \(round):\n\(oldText)---\n\(newText)\nours:\n\(ours)\ngnu:\n\(gnu)")
        }
    }

    private static let diffPath: String? = ["/usr/bin/diff", "/bin/diff"].first(where: FileManager.default.isExecutableFile)

    private static func hunkSummary(_ diff: String) -> [String] {
        var summary: [String] = []
        var removed: [String] = []
        var added: [String] = []
        func flush() {
            if !removed.isEmpty || !added.isEmpty { summary.append("-\(removed.sorted()) +\(added.sorted())") }
            removed = []
            added = []
        }
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2) {
            if line.hasPrefix("@@") {
                flush()
                summary.append(String(line))
            } else if line.hasPrefix("-") {
                removed.append(String(line.dropFirst()))
            } else if line.hasPrefix("+") {
                added.append(String(line.dropFirst()))
            }
        }
        flush()
        return summary
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
