import Foundation
import KubeModel
import Testing

/// `wharf appset`, run as a user runs `argocd appset --core`, with the controller generating Applications.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil, "kubectl is needed"))
struct AppSetCommandTests {
    private let manifest = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: guestbook
        spec:
          goTemplate: true
          generators:
          - list:
              elements:
              - {cluster: engineering-dev, url: "https://kubernetes.default.svc"}
              - {cluster: engineering-prod, url: "https://kubernetes.default.svc"}
          template:
            metadata:
              name: '{{.cluster}}-guestbook'
            spec:
              project: default
              source:
                repoURL: https://github.com/argoproj/argocd-example-apps.git
                targetRevision: HEAD
                path: guestbook
              destination:
                server: '{{.url}}'
                namespace: guestbook
        """

    @Test("--dry-run prints the Applications a List generator would make and writes nothing")
    func dryRun() throws {
        let argo = try ArgoInstallation()
        let directory = try TemporaryDirectory()
        let file = try directory.write("appset.yaml", manifest)
        let preview = try argo.wharfOutput(["appset", "create", "-f", file, "--dry-run", "--cache-dir", directory.url.appendingPathComponent("cache").path])
        let names = preview.split(separator: "\n").dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(names == ["engineering-dev-guestbook", "engineering-prod-guestbook"], "\(preview)")
        #expect(preview.contains("https://github.com/argoproj/argocd-example-apps.git"))
        let asNames = try argo.wharfOutput(["appset", "create", file, "--dry-run", "-o", "name", "--cache-dir", directory.url.appendingPathComponent("cache").path])
        #expect(asNames == "engineering-dev-guestbook\nengineering-prod-guestbook\n")
        #expect(try argo.wharfOutput(["appset", "list", "-o", "name"]).isEmpty, "a dry run creates nothing")
    }

    @Test("create -f, then list, get (conditions and generated Applications) and delete")
    func lifecycle() throws {
        let argo = try ArgoInstallation()
        let directory = try TemporaryDirectory()
        let file = try directory.write("appset.yaml", manifest)
        #expect(try argo.wharfOutput(["appset", "create", "-f", file]) == "ApplicationSet 'guestbook' created\n")
        #expect(try argo.wharfOutput(["appset", "create", file]) == "ApplicationSet 'guestbook' unchanged\n")
        let changed = try directory.write("changed.yaml", manifest.replacingOccurrences(of: "targetRevision: HEAD", with: "targetRevision: main"))
        #expect(try argo.wharf(["appset", "create", changed]).standardError.contains("--upsert"))
        #expect(try argo.wharfOutput(["appset", "create", changed, "--upsert"]) == "ApplicationSet 'guestbook' updated\n")

        let listing = try argo.wharfOutput(["appset", "list"])
        let lines = listing.split(separator: "\n")
        #expect(lines.first?.split(separator: " ").map(String.init) == ["NAME", "PROJECT", "SYNCPOLICY", "CONDITIONS", "REPO", "PATH", "TARGET"])
        let row = try #require(lines.dropFirst().first)
        #expect(row.hasPrefix("guestbook ") && row.contains("default") && row.contains("guestbook") && row.hasSuffix("main"), "\(listing)")

        // The controller generates the Applications and records them in status.resources.
        var detail = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            detail = try argo.wharfOutput(["appset", "get", "guestbook"])
            if detail.contains("engineering-prod-guestbook") { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(detail.hasPrefix("Name:               guestbook\nProject:            default\n"), "\(detail)")
        #expect(detail.contains("CONDITION") && detail.contains("ResourcesUpToDate"), "\(detail)")
        #expect(detail.contains("Applications:       engineering-dev-guestbook\n                    engineering-prod-guestbook\n"), "\(detail)")
        let json = try JSONParser.parse(try argo.wharfOutput(["appset", "get", "guestbook", "-o", "json"]))
        #expect(json[path: ["spec", "template", "spec", "source", "targetRevision"]] == "main")

        #expect(try argo.wharfOutput(["appset", "delete", "guestbook", "-y"]) == "applicationset 'guestbook' deleted\n")
        #expect(try argo.wharfOutput(["appset", "list", "-o", "json"]) == "[]\n")
        let missing = try argo.wharf(["appset", "get", "guestbook"])
        #expect(missing.exitCode != 0 && missing.standardError.contains("ApplicationSet guestbook not found"), "\(missing.standardError)")
    }
}
