import ClusterTestSupport
import Foundation
import KubeModel

/// Application manifests quoted in the shared seed documents (`../shared/seeds` beside the package):
/// real examples users wrote, read at test time rather than copied into the project.
enum SeedApplications {
    /// The seed documents' folder.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds")

    /// Whether the seed documents are present on this machine.
    static var available: Bool { FileManager.default.fileExists(atPath: directory.path) }

    /// One quoted Application and where it was found.
    struct Example: CustomStringConvertible {
        var object: JSONValue
        var file: String
        var line: Int
        var description: String { "\(file):\(line)" }
        /// Whether the example has everything the schema requires (upstream would reject the others).
        var isComplete: Bool { object[path: ["spec", "project"]] != nil && object[path: ["spec", "destination"]] != nil }
    }

    /// Every Application with a name and a spec in the seeds' fenced YAML blocks, in file order.
    static func all() throws -> [Example] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        var examples: [Example] = []
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for block in yamlBlocks(in: text) {
                // Prose blocks that are not YAML (directory trees) are skipped.
                guard let documents = try? YAMLReader.readAll(block.text) else { continue }
                for document in documents
                where document["kind"] == "Application" && document[path: ["metadata", "name"]] != nil && document["spec"]?.objectValue != nil {
                    examples.append(Example(object: document, file: file, line: block.line))
                }
            }
        }
        return examples
    }

    /// The contents of each ```` ```yaml ```` fence and the line it starts on.
    private static func yamlBlocks(in text: String) -> [(text: String, line: Int)] {
        var blocks: [(text: String, line: Int)] = []
        var current: [Substring]?
        var start = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "```yaml" || trimmed == "```yml" {
                current = []
                start = index + 2
            } else if let lines = current, trimmed.hasPrefix("```") {
                blocks.append((lines.joined(separator: "\n"), start))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }
}
