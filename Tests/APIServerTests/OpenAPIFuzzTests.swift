import ClusterTestSupport
import Foundation
import KubeModel
import NIOHTTP1
import ProcessRunner
import Testing

/// The OpenAPI document describes what is served, and schemathesis (PyPI), generating requests from
/// it for every operation, finds no server error and no crash.
@Suite struct OpenAPIFuzzTests {
    static let schemathesis = FileManager.default.currentDirectoryPath + "/.venv/bin/schemathesis"

    @Test func theDocumentIsServedAndListsOperationsThatExist() async throws {
        try await APITestServer.with { server in
            let document = try await server.call(.GET, "/swagger.json")
            #expect(document.status == 200 && document.json["openapi"] == "3.0.3")
            let paths = document.json["paths"]?.objectValue ?? [:]
            #expect(paths["/api/v1/applications"]?["get"] != nil && paths["/api/v1/session"]?["post"] != nil && paths["/api/webhook"]?["post"] != nil)
            // Every documented GET without parameters answers (no 404/405: the document names real routes).
            let token = try await server.login("admin", try await server.initialAdminPassword())
            // (Streams are documented as text/event-stream and never end; StreamTests covers them.)
            for (path, item) in paths where item["get"] != nil && !path.contains("{") && item["get"]?["responses"]?["200"]?["content"]?["text/event-stream"] == nil {
                let answer = try await server.call(.GET, path, token: token)
                #expect(answer.status != 404 && answer.status != 405 && answer.status < 500, "GET \(path): \(answer.status) \(answer.text.prefix(200))")
            }
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: schemathesis), "schemathesis is installed by scripts/test into .venv"))
    func schemathesisFindsNoServerError() async throws {
        try await APITestServer.with(configMaps: ["argocd-cm": ["accounts.ci": "apiKey, login"]]) { server in
            let token = try await server.login("admin", try await server.initialAdminPassword())
            try await server.createApplication("guestbook")
            let work = FileManager.default.temporaryDirectory.appendingPathComponent("schemathesis-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: work) }
            // The token reaches schemathesis through its environment, never its arguments.
            let configuration = work.appendingPathComponent("schemathesis.toml")
            try Data(#"headers = { Authorization = "Bearer ${WHARF_API_TOKEN}" }"#.utf8).write(to: configuration)
            let result = try await ChildProcess(
                Self.schemathesis,
                arguments: [
                    "--config-file", configuration.path, "run", server.baseURL + "/swagger.json", "--checks", "not_a_server_error",
                    // The event streams never end; StreamTests covers them.
                    "--exclude-path-regex", "^/api/v1/stream/",
                    "--tls-verify", "false", "--max-examples", "25", "--request-timeout", "30", "--seed", "20261202", "--no-color",
                    "--generation-database", "none",
                ],
                environment: ["HOME": work.path, "PATH": "/usr/bin:/bin", "SCHEMATHESIS_HOOKS": "", "WHARF_API_TOKEN": token], directory: work,
                timeout: .seconds(900)
            ).run()
            let output = String(decoding: result.standardOutput + result.standardError, as: UTF8.self)
            #expect(result.status == 0, "schemathesis found problems:\n\(output.suffix(6000))")
            // The server is still up and answering after the run.
            #expect(try await server.call(.GET, "/healthz").status == 200)
        }
    }
}
