import Foundation
import Testing

/// `wharf up`, the README's main command: the embedded cluster and the controller in one process,
/// driven only with kubectl and git as a user would.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil && CommandRunner.which("git") != nil, "kubectl and git are needed"))
struct UpCommandTests {
    @Test("an Application applied with kubectl is synced from Git to Synced/Healthy, and Ctrl-C stops Wharf cleanly")
    func upSyncsAnApplication() throws {
        let directory = try TemporaryDirectory()
        let repository = directory.url.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repository.appendingPathComponent("guestbook"), withIntermediateDirectories: true)
        try "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: guestbook-settings\ndata:\n  color: blue\n"
            .write(to: repository.appendingPathComponent("guestbook/settings.yaml"), atomically: true, encoding: .utf8)
        let git = CommandRunner.which("git")!
        for arguments in [["init", "-q", "-b", "main"], ["add", "-A"], ["-c", "user.email=t@example.com", "-c", "user.name=T", "commit", "-qm", "guestbook"]] {
            #expect(try CommandRunner.run(git, ["-C", repository.path] + arguments).exitCode == 0)
        }

        let wharf = try BackgroundCommand(CommandRunner.wharfPath, ["up", "--data-dir", directory.url.appendingPathComponent("data").path, "--port", "0", "--api-port", "0", "--metrics-port", "0"])
        #expect(wharf.waitForOutput(timeout: 60) { $0.contains("watching Applications") }, "\(wharf.output)")
        let kubeconfig = try #require(
            wharf.output.split(separator: "\n").first { $0.hasPrefix("kubeconfig: ") }.map { String($0.dropFirst("kubeconfig: ".count)) })
        let kubectl = CommandRunner.which("kubectl")!
        let application = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: guestbook
              namespace: argocd
            spec:
              project: default
              source:
                repoURL: file://\(repository.path)
                path: guestbook
                targetRevision: HEAD
              destination:
                server: https://kubernetes.default.svc
                namespace: guestbook
              syncPolicy:
                automated: {prune: true, selfHeal: true}
                syncOptions: [CreateNamespace=true]
            """
        let applied = try CommandRunner.run(kubectl, ["--kubeconfig", kubeconfig, "apply", "-f", "-"], input: application)
        #expect(applied.exitCode == 0, "\(applied.standardError)")
        var state = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && state != "Synced/Healthy" {
            state = try CommandRunner.run(
                kubectl, ["--kubeconfig", kubeconfig, "get", "application", "guestbook", "-n", "argocd", "-o", "jsonpath={.status.sync.status}/{.status.health.status}"]
            ).standardOutput
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(state == "Synced/Healthy")
        let settings = try CommandRunner.run(kubectl, ["--kubeconfig", kubeconfig, "get", "configmap", "guestbook-settings", "-n", "guestbook", "-o", "jsonpath={.data.color}"])
        #expect(settings.standardOutput == "blue")
        let listing = try CommandRunner.run(kubectl, ["--kubeconfig", kubeconfig, "get", "applications", "-n", "argocd"])
        #expect(listing.standardOutput.contains("SYNC STATUS") && listing.standardOutput.contains("Synced"), "\(listing.standardOutput)")
        #expect(wharf.interrupt() == 0, "wharf up did not exit cleanly on Ctrl-C: \(wharf.output)")
    }
}
