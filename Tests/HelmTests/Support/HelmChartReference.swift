import Foundation

/// Renders charts with real Helm v4 through `tools/helm/render_charts.py` (the Python package
/// `helm-python-sdk`), all in one Python process.
enum HelmChartReference {
    struct Case: Encodable {
        let id: String
        let chart: String
        let values: [String: String]
        let name: String
        let namespace: String
    }

    struct Result: Decodable {
        let manifests: [String: String]?
        let seconds: Double?
        let error: String?
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared test charts, beside the repository.
    static let chartsDirectory = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata/helm-charts")

    /// The Python interpreter that has `helm-python-sdk`: `WHARF_TEST_PYTHON`, else `.venv/bin/python`.
    static let python: String? = {
        if let configured = ProcessInfo.processInfo.environment["WHARF_TEST_PYTHON"], !configured.isEmpty { return configured }
        let venv = repositoryRoot.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }()

    static var isAvailable: Bool { python != nil && FileManager.default.fileExists(atPath: chartsDirectory.path) }

    /// The chart directories under the shared test data.
    static let chartNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: chartsDirectory.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: chartsDirectory.appendingPathComponent($0 + "/Chart.yaml").path) }.sorted()
    }()

    /// Helm's rendering of every test chart with its default values, by chart name.
    static let defaultRenders: [String: Result] = {
        guard let python else { return [:] }
        let cases = chartNames.map { Case(id: $0, chart: chartsDirectory.appendingPathComponent($0).path, values: [:], name: "release-name", namespace: "default") }
        do {
            return try render(cases, python: python)
        } catch {
            fatalError("rendering charts with Helm failed: \(error)")
        }
    }()

    static func render(_ cases: [Case], python: String) throws -> [String: Result] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-helm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("cases.json"), output = directory.appendingPathComponent("results.json")
        try JSONEncoder().encode(cases).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [repositoryRoot.appendingPathComponent("tools/helm/render_charts.py").path, input.path, output.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "render_charts.py exited with \(process.terminationStatus)"])
        }
        return try JSONDecoder().decode([String: Result].self, from: Data(contentsOf: output))
    }
}
