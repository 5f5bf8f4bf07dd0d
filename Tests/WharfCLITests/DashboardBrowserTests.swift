import ClusterTestSupport
import Foundation
import KubeModel
import ProcessRunner
import Testing

/// The dashboard in a real headless Chromium (Debian's `chromium` and `chromium-driver`, driven by
/// selenium from PyPI) against `wharf up`: the script in `Tests/Browser/` logs in, creates an app from the
/// form, watches it sync live, reads a diff, syncs with prune, rolls back and deletes; then a
/// read-only user is refused a sync with a clear message, an expired session leads back to the login
/// (and then to the same page), and a server gone away shows a page saying so. Screenshots of the
/// main pages land in `.build/screenshots/`.
@Suite(.mayBlock, .enabled(if: BrowserTools.available && CommandRunner.which("kubectl") != nil, "chromium, chromedriver, kubectl and selenium (scripts/test installs them) are needed"))
struct DashboardBrowserTests {
    static let pages = ["login", "applications", "application", "diff", "create", "no-permission", "server-down"]

    @Test func aUserDeploysFromTheDashboard() async throws {
        let directory = try TemporaryDirectory()
        let repository = directory.url.appendingPathComponent("repo")
        try GitFixture.commit(Self.guestbook(color: "blue"), in: repository, message: "guestbook")

        let up = try WharfUpProcess(dataDirectory: directory.url.appendingPathComponent("data"))
        defer { up.stop() }
        let (kubeconfig, url) = (up.kubeconfig, up.url)
        let password = try up.initialPassword()

        // A read-only user and an application they can see, for the failure cases at the end.
        let viewerPassword = "viewer-password-1"
        let settings = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: argocd-cm, namespace: argocd}
            data: {accounts.viewer: login}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: argocd-rbac-cm, namespace: argocd}
            data: {policy.csv: "g, viewer, role:readonly"}
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: viewable, namespace: argocd}
            spec:
              project: default
              source: {repoURL: "file://\(repository.path)", path: guestbook, targetRevision: main}
              destination: {server: "https://kubernetes.default.svc", namespace: viewable}
            """
        let kubectl = try #require(CommandRunner.which("kubectl"))
        let applied = try CommandRunner.run(kubectl, ["--kubeconfig", kubeconfig, "apply", "-f", "-"], input: settings)
        #expect(applied.exitCode == 0, "\(applied.standardError)")
        try await eventually("the viewer account exists", timeout: .seconds(60)) {
            try CommandRunner.wharf(["account", "update-password", "--account", "viewer", "--kubeconfig", kubeconfig], input: "\(password)\n\(viewerPassword)\n").exitCode == 0
        }

        let screenshots = BrowserTools.screenshots
        let browser = try BrowserTools.script("dashboard_flow.py", environment: [
            "WHARF_URL": url, "WHARF_PASSWORD": password, "WHARF_VIEWER_PASSWORD": viewerPassword, "WHARF_REPO": "file://" + repository.path,
            "WHARF_REPO_DIR": repository.path, "KUBECONFIG": kubeconfig,
        ], home: directory.url)
        // An earlier run's screenshots must not pass for this one's, nor its handshake files stop the server at once.
        for file in Self.pages.map({ "\($0).png" }) + ["stop-the-server", "server-stopped"] {
            try? FileManager.default.removeItem(at: screenshots.appendingPathComponent(file))
        }
        // The script asks (with a file) for the server to go away while the page is open.
        let server = up.command.process
        let run = try await withThrowingTaskGroup(of: ChildProcessResult?.self) { group in
            group.addTask { try await browser.run() }
            group.addTask {
                while !FileManager.default.fileExists(atPath: screenshots.appendingPathComponent("stop-the-server").path) {
                    try await Task.sleep(for: .milliseconds(200))
                }
                server.signalGroup(SIGKILL)
                server.waitForExitBlocking(timeout: .seconds(10))
                try Data().write(to: screenshots.appendingPathComponent("server-stopped"))
                return nil
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let result { return result }
            }
            throw TestFailure("the browser script did not finish")
        }
        let output = BrowserTools.output(of: run)
        #expect(run.status == 0, "the browser flow failed:\n\(output.suffix(8000))")
        for page in Self.pages {
            #expect(FileManager.default.fileExists(atPath: screenshots.appendingPathComponent("\(page).png").path), "no screenshot of \(page)")
        }
    }

    /// A Deployment (for a tree of ReplicaSets and Pods), a Service and a ConfigMap.
    static func guestbook(color: String) -> [String: String] {
        [
            "guestbook/deployment.yaml": """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: guestbook-ui}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: guestbook-ui}}
                  template:
                    metadata: {labels: {app: guestbook-ui}}
                    spec: {containers: [{name: ui, image: gcr.io/heptio-images/ks-guestbook-demo:0.2}]}
                """,
            "guestbook/service.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: guestbook-ui}\nspec: {ports: [{port: 80}], selector: {app: guestbook-ui}}\n",
            "guestbook/settings.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: guestbook-settings}\ndata: {color: \(color)}\n",
        ]
    }
}
