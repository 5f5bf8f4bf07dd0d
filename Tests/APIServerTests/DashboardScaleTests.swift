import AppController
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import NIOHTTP1
import ProcessRunner
import Testing

/// The applications page with 10,000 applications in headless Chromium: it becomes interactive,
/// counts them all, keeps only a screenful in the page, and a search narrows it. The script prints
/// how long each took (figures for the issue note, never asserted).
@Suite(.enabled(if: BrowserTools.available, "chromium, chromedriver and selenium (scripts/test installs them) are needed"))
struct DashboardScaleTests {
    static let total = 10_000
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Browser/list_scale.py").path

    @Test func tenThousandApplicationsListAndFilter() async throws {
        try await APITestServer.with { server in
            let password = try await server.initialAdminPassword()
            let started = ContinuousClock.now
            // One create at a time: the cluster runs in this process, beside the other suites, and
            // parallel creates would crowd their requests out of its two threads.
            for index in 0..<Self.total {
                var application = KubeObject(apiVersion: "argoproj.io/v1alpha1", kind: "Application", name: String(format: "app-%05d", index), namespace: "argocd")
                application["spec"] = [
                    "project": "default", "source": ["repoURL": "https://git.example/apps.git", "path": .string("apps/\(index % 100)"), "targetRevision": "HEAD"],
                    "destination": ["server": "https://kubernetes.default.svc", "namespace": .string("team-\(index % 20)")],
                ]
                _ = try await server.client.create(ArgoCRDs.applications, namespace: "argocd", application)
            }
            FileHandle.standardOutput.write(Data("timing: \(Self.total) applications created in \(ContinuousClock.now - started)\n".utf8))
            let token = try await server.login("admin", password)
            try await eventually("the server's cache holds them all", timeout: .seconds(120)) {
                try await server.call(.GET, "/api/v1/applications?fields=items.metadata.name", token: token).json["items"]?.arrayValue?.count == Self.total
            }

            let screenshots = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/screenshots")
            try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
            let run = try await ChildProcess(
                BrowserTools.python, arguments: [Self.script],
                environment: [
                    "WHARF_URL": server.baseURL, "WHARF_PASSWORD": password, "WHARF_APPS": String(Self.total), "WHARF_SCREENSHOTS": screenshots.path,
                    "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "PYTHONDONTWRITEBYTECODE": "1",
                ], timeout: .seconds(600)
            ).run()
            let output = String(decoding: run.standardOutput + run.standardError, as: UTF8.self)
            #expect(run.status == 0, "the list check failed:\n\(output.suffix(6000))")
            FileHandle.standardOutput.write(Data((output.split(separator: "\n").filter { $0.hasPrefix("timing:") }.joined(separator: "\n") + "\n").utf8))
        }
    }
}
