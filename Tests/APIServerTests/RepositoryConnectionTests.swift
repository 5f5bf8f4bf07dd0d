import ClusterTestSupport
import Foundation
import KubeModel
import NIOHTTP1
import Testing

/// A Helm chart repository's connection is checked as a Git repository's is: its `index.yaml` is
/// fetched before it is saved, and the list shows whether it can be read now (the dashboard's
/// Settings page shows that status).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "python3 serves the chart repository"))
struct RepositoryConnectionTests {
    @Test func helmRepositoriesAreCheckedBeforeSavingAndWhenListed() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-helm-connection-\(UUID().uuidString)")
        let served = root.appendingPathComponent("served/charts")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "apiVersion: v1\nentries: {}\n".write(to: served.appendingPathComponent("index.yaml"), atomically: true, encoding: .utf8)
        let port = try ServerProcess.freePort()
        let http = try await ServerProcess(
            "/usr/bin/python3", arguments: ["-u", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root.appendingPathComponent("served").path],
            port: port, readyMarker: "Serving HTTP", logFile: root.appendingPathComponent("http.log"))
        defer { http.stop() }
        let charts = "http://127.0.0.1:\(port)/charts"

        try await APITestServer.with { server in
            let token = try await server.login("admin", try await server.initialAdminPassword())
            // No index.yaml there: refused, saying why, and nothing is saved.
            let wrong = try await server.call(.POST, "/api/v1/repositories", token: token, body: ["repo": .string("http://127.0.0.1:\(port)/nothing"), "type": "helm", "name": "nothing"])
            #expect(wrong.status == 400 && wrong.text.contains("index.yaml"), "\(wrong.status) \(wrong.text)")

            let added = try await server.call(.POST, "/api/v1/repositories", token: token, body: ["repo": .string(charts), "type": "helm", "name": "charts"])
            #expect(added.status == 200, "\(added.text)")
            try await eventually("the repository is listed as connected", timeout: .seconds(30)) {
                let items = try await server.call(.GET, "/api/v1/repositories", token: token).json["items"]?.arrayValue ?? []
                return items.count == 1 && items.first?[path: ["connectionState", "status"]] == "Successful"
            }
            // The repository goes away: the list says so (the saved entry stays).
            try FileManager.default.removeItem(at: served.appendingPathComponent("index.yaml"))
            let items = try await server.call(.GET, "/api/v1/repositories", token: token).json["items"]?.arrayValue ?? []
            #expect(items.first?[path: ["connectionState", "status"]] == "Failed")
            #expect(items.first?[path: ["connectionState", "message"]]?.stringValue?.contains("404") == true, "\(items)")
        }
    }
}
