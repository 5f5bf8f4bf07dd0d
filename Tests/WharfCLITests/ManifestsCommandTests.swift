import Foundation
import Testing

/// `wharf manifests` prints what the repo server generates, for Git paths, local directories and
/// Application files, and fails with the reason when it cannot.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("git") != nil, "git is needed for the manifests command tests"))
struct ManifestsCommandTests {
    let directory: TemporaryDirectory
    var repository: URL { directory.url.appendingPathComponent("repo") }
    var cache: String { directory.url.appendingPathComponent("cache").path }

    init() throws {
        directory = try TemporaryDirectory()
        let files = [
            "guestbook/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: guestbook\ndata:\n  color: blue\n",
            "base/kustomization.yaml": "resources:\n- deployment.yaml\n",
            "base/deployment.yaml": """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.25
                """,
        ]
        for (path, text) in files {
            let file = repository.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        for arguments in [["init", "-q", "-b", "main"], ["add", "-A"], ["-c", "user.email=t@example.com", "-c", "user.name=T", "commit", "-qm", "apps"]] {
            let result = try CommandRunner.run(CommandRunner.which("git")!, ["-C", repository.path] + arguments)
            #expect(result.exitCode == 0, "git \(arguments): \(result.standardError)")
        }
    }

    @Test("a Git path prints its objects as a YAML stream")
    func gitPath() throws {
        let result = try CommandRunner.run(CommandRunner.wharfPath, ["manifests", "--repo", "file://\(repository.path)", "--path", "guestbook", "--cache-dir", cache])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput == "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: guestbook\ndata:\n  color: blue\n")
    }

    @Test("--local renders a directory without Git, with Kustomize overrides from flags",
          .enabled(if: CommandRunner.which("kubectl") != nil, "kubectl is needed for Kustomize"))
    func localKustomize() throws {
        let result = try CommandRunner.run(
            CommandRunner.wharfPath, ["manifests", "--local", repository.path, "--path", "base", "--kustomize-image", "nginx=nginx:1.27", "--nameprefix", "dev-", "--output", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\"name\": \"dev-web\""))
        #expect(result.standardOutput.contains("\"image\": \"nginx:1.27\""))
        // The local directory itself is not edited.
        let kustomization = try String(contentsOf: repository.appendingPathComponent("base/kustomization.yaml"), encoding: .utf8)
        #expect(kustomization == "resources:\n- deployment.yaml\n")
    }

    @Test("--app renders an Argo CD Application file's source")
    func applicationFile() throws {
        let application = try directory.write("app.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: guestbook
              namespace: argocd
            spec:
              project: default
              source:
                repoURL: file://\(repository.path)
                targetRevision: main
                path: guestbook
              destination:
                server: https://kubernetes.default.svc
                namespace: guestbook
            """)
        let result = try CommandRunner.run(CommandRunner.wharfPath, ["manifests", "--app", application, "--cache-dir", cache])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("name: guestbook"))
    }

    @Test("a path that does not exist fails with the path and revision named")
    func missingPath() throws {
        let result = try CommandRunner.run(CommandRunner.wharfPath, ["manifests", "--repo", "file://\(repository.path)", "--path", "nothing-here", "--cache-dir", cache])
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix("error: spec.source.path: nothing-here does not exist"))
        #expect(result.standardOutput.isEmpty)
    }
}
