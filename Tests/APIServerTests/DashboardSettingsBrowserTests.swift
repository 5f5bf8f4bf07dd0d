import AppController
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import NIOHTTP1
import ProcessRunner
import Testing

/// The dashboard beyond the main flow, in headless Chromium (`Tests/Browser/dashboard_settings.py`):
/// logging in through the SSO button, the list's filters and table view, keyboard use, dark mode,
/// a narrow screen, the Settings pages (a password-protected repository over smart HTTP, clusters,
/// a project's roles and sync windows, accounts), creating an application as YAML, and logging out.
@Suite(.enabled(if: BrowserTools.available && GitHTTPServer.isAvailable, "chromium, chromedriver, selenium and lighttpd (scripts/test installs them) are needed"))
struct DashboardSettingsBrowserTests {
    static let user = TestOIDCProvider.User(subject: "u-7", email: "ada@example.com", groups: ["platform-admins"])
    static let repoPassword = "s3cret-deploy-token"

    /// name → (project, labels, sync, health)
    static let applications: [String: (String, [String: String], String, String)] = [
        "web-prod": ("default", ["env": "prod"], "Synced", "Healthy"),
        "web-dev": ("default", ["env": "dev"], "OutOfSync", "Healthy"),
        "api-prod": ("default", ["env": "prod"], "Synced", "Degraded"),
        "api-dev": ("default", ["env": "dev"], "OutOfSync", "Healthy"),
        "jobs-prod": ("default", ["env": "prod"], "Synced", "Healthy"),
        "billing": ("team-a", [:], "Synced", "Healthy"),
    ]

    @Test func settingsSSOFiltersKeyboardThemesAndYAMLInTheBrowser() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-dashboard-settings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let repository = try await GitServedRepository(in: directory.appendingPathComponent("repos"), name: "config")
        try await repository.commit("config/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  color: blue\n")
        try await repository.publish()
        let git = try await GitHTTPServer(
            repositories: directory.appendingPathComponent("repos"), username: "deployer", password: Self.repoPassword, directory: directory.appendingPathComponent("http"))
        defer { git.stop() }

        try await TestOIDCProvider.with(user: Self.user) { provider in
            try await APITestServer.with(configMaps: SSOTests.settings(provider)) { server in
                var project = KubeObject(apiVersion: "argoproj.io/v1alpha1", kind: "AppProject", name: "team-a", namespace: "argocd")
                project["spec"] = ["sourceRepos": ["*"], "destinations": [["server": "*", "namespace": "*"]]]
                _ = try await server.client.create(project)
                for (name, (projectName, labels, sync, health)) in Self.applications {
                    try await server.createApplication(name, project: projectName)
                    var application = try await server.client.get(ArgoCRDs.applications, namespace: "argocd", name: name)
                    application[path: "metadata", "labels"] = .object(JSONObject(uniqueKeysWithValues: labels.map { ($0.key, JSONValue.string($0.value)) }))
                    application["status"] = ["sync": ["status": .string(sync)], "health": ["status": .string(health)]]
                    _ = try await server.client.update(ArgoCRDs.applications, namespace: "argocd", application)
                }
                try await eventually("SSO is offered", timeout: .seconds(30)) {
                    try await server.call(.GET, "/api/v1/settings").json[path: ["oidcConfig", "issuer"]]?.stringValue == provider.issuer
                }

                let run = try await BrowserTools.script("dashboard_settings.py", environment: [
                    "WHARF_URL": server.baseURL, "WHARF_SSO_USER": Self.user.email, "WHARF_REPO": git.url("config"), "WHARF_REPO_USERNAME": "deployer",
                    "WHARF_REPO_PASSWORD": Self.repoPassword,
                ], home: directory).run()
                let output = BrowserTools.output(of: run)
                #expect(run.status == 0, "the settings check failed:\n\(output.suffix(6000))")

                // What the pages did is in the cluster: the project's window and role, the YAML-made application.
                let saved = try await server.client.get(ArgoCRDs.appProjects, namespace: "argocd", name: "team-a")
                #expect(saved[path: "spec", "syncWindows"]?.arrayValue?.first?["schedule"]?.stringValue == "0 22 * * *")
                #expect(saved[path: "spec", "roles"]?.arrayValue?.first?["name"]?.stringValue == "deployers")
                let created = try await server.client.get(ArgoCRDs.applications, namespace: "argocd", name: "from-yaml")
                #expect(created[path: "spec", "source", "repoURL"]?.stringValue == git.url("config"))
            }
        }
    }
}
