import Foundation

/// Renders conformance cases with real Helm, through `tools/gotemplate/render_cases.py` and the Python
/// package `helm-python-sdk`, once for all cases.
enum HelmReference {
    struct Result: Decodable, Sendable {
        let output: String?
        let error: String?
    }

    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The Python interpreter that has `helm-python-sdk`: `WHARF_TEST_PYTHON`, else `.venv/bin/python`.
    static let python: String? = {
        if let configured = ProcessInfo.processInfo.environment["WHARF_TEST_PYTHON"], !configured.isEmpty {
            return configured
        }
        let venv = repositoryRoot.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }()

    static var isAvailable: Bool { python != nil }

    /// The template name Helm gives each case's file, which its messages quote.
    static let templateName = "conformance/templates/case.txt"

    /// Helm's results for every case, keyed by case id.
    static let results: [String: Result] = {
        guard let python else { return [:] }
        do {
            return try render(AllConformanceCases.cases, python: python)
        } catch {
            fatalError("rendering conformance cases with Helm failed: \(error)")
        }
    }()

    private static func render(_ cases: [ConformanceCase], python: String) throws -> [String: Result] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-gotemplate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("cases.json")
        let output = directory.appendingPathComponent("results.json")
        var payload = "["
        for (index, testCase) in cases.enumerated() {
            if index > 0 { payload += "," }
            payload += "{\"id\":\(jsonString(testCase.id)),\"template\":\(jsonString(testCase.template)),\"values\":\(testCase.values)}"
        }
        payload += "]"
        try payload.write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [repositoryRoot.appendingPathComponent("tools/gotemplate/render_cases.py").path, input.path, output.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "render_cases.py exited with \(process.terminationStatus)"])
        }
        return try JSONDecoder().decode([String: Result].self, from: Data(contentsOf: output))
    }

    private static func jsonString(_ string: String) -> String {
        let data = try! JSONEncoder().encode(string)
        return String(decoding: data, as: UTF8.self)
    }

    /// Rewrites Helm v4's wording of a template error into Go's, so that messages compare directly:
    /// the multi-line `file:line:col / executing "name" at <ctx>: / reason` form becomes Go's one line.
    static func goMessage(fromHelm message: String) -> String {
        let lines = message.components(separatedBy: "\n")
        if lines.count >= 3, lines[1].hasPrefix("  executing "), lines[2].hasPrefix("    ") {
            let executing = lines[1].dropFirst(2).dropLast()
            let reason = lines[2...].joined(separator: "\n").dropFirst(4)
            return "template: \(lines[0]): \(executing): \(reason)"
        }
        return message
    }

    /// Helm's `cleanupParseError`, applied to Go's parse error message.
    static func helmParseMessage(fromGo message: String) -> String {
        let tokens = message.components(separatedBy: ": ")
        guard tokens.count > 1 else { return message }
        return "parse error at (\(tokens[1])): \(tokens[tokens.count - 1])"
    }
}
