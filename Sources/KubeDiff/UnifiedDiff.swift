/// Line diffs in the unified format of `diff -u` (and so of `kubectl diff`).
public enum UnifiedDiff {
    /// The unified diff of two texts, or an empty string when they are equal.
    /// - Parameters:
    ///   - old: The text before.
    ///   - new: The text after.
    ///   - oldName: The name on the `---` line.
    ///   - newName: The name on the `+++` line.
    ///   - context: Unchanged lines shown around each change.
    public static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let oldLines = lines(of: old)
        let newLines = lines(of: new)
        let script = LineDiff.edits(from: oldLines, to: newLines)
        guard script.contains(where: { $0 != .keep }) else { return "" }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(of: script, context: context) {
            output += render(hunk, script: script, oldLines: oldLines, newLines: newLines)
        }
        return output
    }

    private static func lines(of text: String) -> [Substring] {
        guard !text.isEmpty else { return [] }
        var result = text.split(separator: "\n", omittingEmptySubsequences: false)
        if result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    /// A range of edit-script positions shown together.
    private struct Hunk {
        var start: Int
        var end: Int
    }

    private static func hunks(of script: [LineDiff.Edit], context: Int) -> [Hunk] {
        var hunks: [Hunk] = []
        var index = 0
        while index < script.count {
            guard script[index] != .keep else {
                index += 1
                continue
            }
            let start = max(0, index - context)
            var end = index
            // Extend while the next change is close enough that the contexts would touch.
            var lastChange = index
            while end < script.count {
                if script[end] != .keep { lastChange = end }
                if end - lastChange > 2 * context { break }
                end += 1
            }
            let hunkEnd = min(script.count, lastChange + context + 1)
            if let previous = hunks.last, start <= previous.end {
                hunks[hunks.count - 1].end = hunkEnd
            } else {
                hunks.append(Hunk(start: start, end: hunkEnd))
            }
            index = hunkEnd
        }
        return hunks
    }

    private static func render(_ hunk: Hunk, script: [LineDiff.Edit], oldLines: [Substring], newLines: [Substring]) -> String {
        // Line numbers at the hunk start: count the lines consumed before it.
        var oldLine = 0
        var newLine = 0
        for edit in script[..<hunk.start] {
            if edit != .insert { oldLine += 1 }
            if edit != .delete { newLine += 1 }
        }
        var body = ""
        var oldCount = 0
        var newCount = 0
        var oldCursor = oldLine
        var newCursor = newLine
        for edit in script[hunk.start..<hunk.end] {
            switch edit {
            case .keep:
                body += " \(oldLines[oldCursor])\n"
                oldCursor += 1
                newCursor += 1
                oldCount += 1
                newCount += 1
            case .delete:
                body += "-\(oldLines[oldCursor])\n"
                oldCursor += 1
                oldCount += 1
            case .insert:
                body += "+\(newLines[newCursor])\n"
                newCursor += 1
                newCount += 1
            }
        }
        let oldStart = oldCount == 0 ? oldLine : oldLine + 1
        let newStart = newCount == 0 ? newLine : newLine + 1
        return "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }
}
