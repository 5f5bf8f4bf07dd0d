import ClusterTestSupport
import Foundation
import KubeModel
import Testing

/// The seed's first steps with Argo CD, translated to `wharf` against `wharf up`: log in with the
/// initial password, add a private repository, create the guestbook app, preview and run a sync,
/// diff a live edit, automate, roll back, delete without cascading — and the repository password
/// never shows up anywhere.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil && GitHTTPServer.isAvailable, "kubectl, git and lighttpd are needed"))
struct APIWorkflowTests {
    static let repoPassword = "repo-s3cret-Pa55"

    @Test func guestbookThroughTheAPIServerWithACLILogin() async throws {
        let directory = try TemporaryDirectory()
        let repository = try await GitServedRepository(in: directory.url.appendingPathComponent("repos"), name: "guestbook")
        try await repository.commit("guestbook/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: guestbook-settings\ndata:\n  color: blue\n")
        try await repository.publish()
        let git = try await GitHTTPServer(
            repositories: directory.url.appendingPathComponent("repos"), username: "deployer", password: Self.repoPassword,
            directory: directory.url.appendingPathComponent("http"))
        defer { git.stop() }
        let repoURL = git.url("guestbook")

        let up = try WharfUpProcess(dataDirectory: directory.url.appendingPathComponent("data"))
        defer { up.stop() }
        let (kubeconfig, address) = (up.kubeconfig, up.address)
        let config = directory.url.appendingPathComponent("wharf-config").path
        var transcript = up.output
        func wharf(_ arguments: [String], input: String? = nil) throws -> CommandRunner.Result {
            let result = try CommandRunner.wharf(arguments + ["--config", config], input: input)
            transcript += result.standardOutput + result.standardError
            return result
        }
        func succeeds(_ arguments: [String], input: String? = nil) throws -> String {
            let result = try wharf(arguments, input: input)
            guard result.exitCode == 0 else { throw TestFailure("wharf \(arguments.joined(separator: " ")) exited \(result.exitCode): \(result.standardError)") }
            return result.standardOutput
        }
        func kubectl(_ arguments: [String]) throws -> CommandRunner.Result {
            try CommandRunner.run(try #require(CommandRunner.which("kubectl")), ["--kubeconfig", kubeconfig] + arguments)
        }

        // The initial password, as the README says to read it.
        let password = try up.initialPassword()
        #expect(!password.isEmpty)
        #expect(try wharf(["app", "list"]).exitCode != 0, "nothing is readable before logging in")
        let wrong = try wharf(["login", address, "--insecure", "--username", "admin"], input: "wrong\n")
        #expect(wrong.exitCode != 0 && wrong.standardError.contains("Invalid username or password"), "\(wrong.standardError)")
        #expect(try succeeds(["login", address, "--insecure", "--username", "admin"], input: password + "\n").contains("logged in successfully"))
        let attributes = try FileManager.default.attributesOfItem(atPath: config)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try succeeds(["account", "get-user-info"]).contains("Username: admin"))

        // A private repository: checked before it is saved; its password stays secret.
        let refused = try wharf(["repo", "add", repoURL, "--username", "deployer"], input: "not-the-password\n")
        #expect(refused.exitCode != 0, "a repository that cannot be read is not saved")
        _ = try succeeds(["repo", "add", repoURL, "--username", "deployer"], input: Self.repoPassword + "\n")
        let repos = try succeeds(["repo", "list"])
        #expect(repos.contains(repoURL) && repos.contains("Successful"), "\(repos)")
        _ = try succeeds(["repo", "list", "-o", "json"])

        // The seed's command: prune and self-heal chosen now, automation switched on later.
        _ = try succeeds([
            "app", "create", "guestbook", "--project", "default", "--repo", repoURL, "--path", "guestbook", "--revision", "main",
            "--dest-server", "https://kubernetes.default.svc", "--dest-namespace", "guestbook", "--auto-prune", "--self-heal",
            "--sync-option", "CreateNamespace=true",
        ])
        #expect(try succeeds(["app", "get", "guestbook"]).contains("Sync Policy:        Manual"))

        // Overrides set and unset again: what unset names goes, the rest stays, an empty block goes.
        _ = try succeeds(["app", "set", "guestbook", "--helm-set", "image.tag=v2", "--helm-set", "replicas=3", "--values", "extra.yaml"])
        _ = try succeeds(["app", "unset", "guestbook", "-p", "image.tag", "--values", "extra.yaml"])
        var source = try JSONParser.parse(try succeeds(["app", "get", "guestbook", "-o", "json"]))[path: ["spec", "source"]]
        #expect(source?[path: ["helm", "parameters"]] == [["name": "replicas", "value": "3"]] && source?[path: ["helm", "valueFiles"]] == nil, "\(String(describing: source))")
        _ = try succeeds(["app", "unset", "guestbook", "--parameter", "replicas"])
        source = try JSONParser.parse(try succeeds(["app", "get", "guestbook", "-o", "json"]))[path: ["spec", "source"]]
        #expect(source?["helm"] == nil && source?["path"] == "guestbook", "\(String(describing: source))")
        #expect(try succeeds(["app", "unset", "guestbook", "--nameprefix"]).contains("nothing changed"))

        let dryRun = try succeeds(["app", "sync", "guestbook", "--dry-run", "--timeout", "120"])
        #expect(dryRun.contains("Phase:     Succeeded"), "\(dryRun)")
        #expect(try kubectl(["get", "configmap", "guestbook-settings", "-n", "guestbook"]).exitCode != 0, "a dry run changes nothing")
        _ = try succeeds(["app", "sync", "guestbook", "--timeout", "120"])
        #expect(try kubectl(["get", "configmap", "guestbook-settings", "-n", "guestbook", "-o", "jsonpath={.data.color}"]).standardOutput == "blue")

        // A live edit shows in the diff, which exits 1.
        #expect(try kubectl(["patch", "configmap", "guestbook-settings", "-n", "guestbook", "--type", "merge", "-p", "{\"data\":{\"color\":\"red\"}}"]).exitCode == 0)
        var diff = try wharf(["app", "diff", "guestbook", "--refresh"])
        for _ in 0..<20 where !diff.standardOutput.contains("red") {
            try await Task.sleep(for: .milliseconds(500))
            diff = try wharf(["app", "diff", "guestbook"])
        }
        #expect(diff.exitCode == 1 && diff.standardOutput.contains("ConfigMap guestbook/guestbook-settings"), "\(diff.standardOutput) \(diff.standardError)")
        #expect(diff.standardOutput.contains("-  color: red") && diff.standardOutput.contains("+  color: blue"), "\(diff.standardOutput)")

        // Automated with self-heal: the edit is undone, and a new commit is deployed.
        _ = try succeeds(["app", "set", "guestbook", "--sync-policy", "automated"])
        _ = try succeeds(["app", "wait", "guestbook", "--sync", "--health", "--timeout", "120"])
        try await eventually("self-heal restores blue", timeout: .seconds(60)) {
            try kubectl(["get", "configmap", "guestbook-settings", "-n", "guestbook", "-o", "jsonpath={.data.color}"]).standardOutput == "blue"
        }
        try await repository.commit("guestbook/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: guestbook-settings\ndata:\n  color: green\n")
        try await repository.publish()
        try await eventually("the new commit is deployed", timeout: .seconds(120)) {
            _ = try wharf(["app", "get", "guestbook", "--refresh"])
            return try kubectl(["get", "configmap", "guestbook-settings", "-n", "guestbook", "-o", "jsonpath={.data.color}"]).standardOutput == "green"
        }
        let details = try succeeds(["app", "get", "guestbook"])
        #expect(details.contains("Sync Policy:        Automated (Prune)") && details.contains("Health Status:      Healthy"), "\(details)")
        let history = try JSONParser.parse(try succeeds(["app", "history", "guestbook", "-o", "json"]))
        let entries = history.arrayValue ?? []
        #expect(entries.count >= 2, "\(history)")
        let first = try #require(entries.first?["id"]?.int64Value)
        #expect(try succeeds(["app", "history", "guestbook"]).contains("ID"))

        // Rollback is refused while automated, then works.
        #expect(try wharf(["app", "rollback", "guestbook", String(first)]).standardError.contains("auto-sync"))
        _ = try succeeds(["app", "set", "guestbook", "--sync-policy", "none"])
        _ = try succeeds(["app", "rollback", "guestbook", String(first), "--timeout", "120"])
        #expect(try kubectl(["get", "configmap", "guestbook-settings", "-n", "guestbook", "-o", "jsonpath={.data.color}"]).standardOutput == "blue")

        // One live resource patched and deleted through the application; a sync brings it back.
        let resource = ["--kind", "ConfigMap", "--resource-name", "guestbook-settings", "--namespace", "guestbook"]
        _ = try succeeds(["app", "patch-resource", "guestbook"] + resource + ["--patch", "{\"data\":{\"color\":\"purple\"}}"])
        #expect(try kubectl(["get", "configmap", "guestbook-settings", "-n", "guestbook", "-o", "jsonpath={.data.color}"]).standardOutput == "purple")
        #expect(try wharf(["app", "patch-resource", "guestbook", "--kind", "ConfigMap", "--resource-name", "kube-root-ca.crt", "--namespace", "guestbook", "--patch", "{}"]).exitCode != 0)
        _ = try succeeds(["app", "delete-resource", "guestbook"] + resource)
        try await eventually("the ConfigMap is deleted", timeout: .seconds(60)) {
            try kubectl(["get", "configmap", "guestbook-settings", "-n", "guestbook"]).exitCode != 0
        }
        // (The sync goes to the branch's head again, past the rollback.)
        _ = try succeeds(["app", "sync", "guestbook", "--timeout", "120"])
        #expect(try kubectl(["get", "configmap", "guestbook-settings", "-n", "guestbook", "-o", "jsonpath={.data.color}"]).standardOutput == "green")

        // A local sync deploys the files on this machine, not Git's; with automation on it is refused.
        let local = directory.url.appendingPathComponent("local/guestbook")
        try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
        try Data("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: guestbook-settings\ndata:\n  color: orange\n".utf8).write(to: local.appendingPathComponent("settings.yaml"))
        _ = try succeeds(["app", "sync", "guestbook", "--local", local.path, "--timeout", "120"])
        #expect(try kubectl(["get", "configmap", "guestbook-settings", "-n", "guestbook", "-o", "jsonpath={.data.color}"]).standardOutput == "orange")
        _ = try succeeds(["app", "set", "guestbook", "--sync-policy", "automated"])
        let refusedLocal = try wharf(["app", "sync", "guestbook", "--local", local.path])
        #expect(refusedLocal.exitCode != 0 && refusedLocal.standardError.contains("Automatic Sync Policy"), "\(refusedLocal.standardError)")

        // Deleting without cascade keeps the resources.
        _ = try succeeds(["app", "delete", "guestbook", "--cascade=false"])
        try await eventually("the application is gone", timeout: .seconds(60)) { try wharf(["app", "get", "guestbook"]).exitCode != 0 }
        #expect(try kubectl(["get", "configmap", "guestbook-settings", "-n", "guestbook"]).exitCode == 0)
        #expect(try succeeds(["app", "list", "-o", "name"]).isEmpty)

        // The password appears in no output, no log, and nowhere in the API's answers or Argo CD's objects.
        let apps = try kubectl(["get", "applications", "-n", "argocd", "-o", "yaml"]).standardOutput
        transcript += up.output + apps + (try succeeds(["repo", "get", repoURL, "-o", "json"]))
        #expect(!transcript.contains(Self.repoPassword))
    }
}

/// `wharf login --sso`: the CLI runs the browser login against the server's OIDC provider and
/// keeps the ID token; the user's groups decide what it may do.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil && CommandRunner.which("curl") != nil, "kubectl and curl are needed"))
struct SSOLoginCommandTests {
    @Test func theCLILogsInThroughTheProviderInABrowser() async throws {
        let user = TestOIDCProvider.User(subject: "u-1", email: "ada@example.com", groups: ["platform-admins"])
        try await TestOIDCProvider.with(user: user) { provider in
            let directory = try TemporaryDirectory()
            let up = try WharfUpProcess(dataDirectory: directory.url.appendingPathComponent("data"))
            defer { up.stop() }
            let (kubeconfig, address) = (up.kubeconfig, up.address)
            let settings = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: argocd-cm, namespace: argocd}
                data:
                  oidc.config: |
                    name: TestIdP
                    issuer: \(provider.issuer)
                    clientID: \(provider.clientID)
                    requestedScopes: [openid, email, groups]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: argocd-rbac-cm, namespace: argocd}
                data:
                  policy.csv: "g, platform-admins, role:admin"
                """
            let applied = try CommandRunner.run(try #require(CommandRunner.which("kubectl")), ["--kubeconfig", kubeconfig, "apply", "-f", "-"], input: settings)
            #expect(applied.exitCode == 0, "\(applied.standardError)")
            let curl = try #require(CommandRunner.which("curl"))
            try await eventually("the server offers SSO", timeout: .seconds(30)) {
                try CommandRunner.run(curl, ["-sk", "https://\(address)/api/v1/settings"]).standardOutput.contains(provider.issuer)
            }

            let config = directory.url.appendingPathComponent("wharf-config").path
            let port = try ServerProcess.freePort()
            let login = try BackgroundCommand(CommandRunner.wharfPath, ["login", address, "--insecure", "--sso", "--sso-port", String(port), "--config", config])
            defer { login.stop() }
            #expect(login.waitForOutput(timeout: 60) { $0.contains("visit:\n") && $0.contains("/authorize?") }, "\(login.output)")
            let url = try #require(login.output.split(separator: "\n").first { $0.contains("/authorize?") }.map(String.init))
            // The browser: follows the provider's redirect back to the CLI's listener.
            let browser = try CommandRunner.run(curl, ["-sL", "--max-time", "30", url])
            #expect(browser.standardOutput.contains("Authentication successful"), "\(browser.standardOutput) \(browser.standardError)")
            #expect(login.waitForOutput(timeout: 30) { $0.contains("logged in successfully") }, "\(login.output)")
            #expect(provider.exchangeCount == 1)

            let info = try CommandRunner.wharf(["account", "get-user-info", "--config", config])
            #expect(info.standardOutput.contains("Username: ada@example.com") && info.standardOutput.contains("platform-admins"), "\(info.standardOutput) \(info.standardError)")
            #expect(try CommandRunner.wharf(["account", "can-i", "sync", "applications", "default/x", "--config", config]).standardOutput.contains("yes"))
        }
    }
}
