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

            let home = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-list-scale-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: home) }
            let run = try await BrowserTools.script("list_scale.py", environment: [
                "WHARF_URL": server.baseURL, "WHARF_PASSWORD": password, "WHARF_APPS": String(Self.total),
            ], home: home).run()
            let output = BrowserTools.output(of: run)
            #expect(run.status == 0, "the list check failed:\n\(output.suffix(6000))")
        }
    }
}
