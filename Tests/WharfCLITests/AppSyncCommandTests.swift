import ClusterTestSupport
import Foundation
import KubeModel
import Testing

/// `wharf app sync` with a project role token: the token's role may sync its own project's
/// applications, and nothing else.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil && CommandRunner.which("git") != nil, "kubectl and git are needed"), .serialized)
struct AppSyncCommandTests {
    private func application(_ name: String, project: String, repository: URL) -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: \(name), namespace: argocd}
        spec:
          project: \(project)
          source: {repoURL: "file://\(repository.path)", path: app, targetRevision: main}
          destination: {server: "https://kubernetes.default.svc", namespace: \(name)}
          syncPolicy: {syncOptions: [CreateNamespace=true]}
        """
    }

    @Test("a project role token syncs its project's application and is refused on another project's")
    func roleTokenSyncsOnlyItsApps() throws {
        let argo = try ArgoInstallation()
        let directory = try TemporaryDirectory()
        let repository = directory.url.appendingPathComponent("repo")
        try GitFixture.commit(["app/settings.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {owner: app}\n"], in: repository)
        for team in ["team-a", "team-b"] {
            _ = try argo.wharfOutput(["proj", "create", team, "-s", "file://\(repository.path)", "-d", "https://kubernetes.default.svc,*"])
        }
        _ = try argo.wharfOutput(["proj", "role", "create", "team-a", "deployer"])
        _ = try argo.wharfOutput(["proj", "role", "add-policy", "team-a", "deployer", "-a", "sync", "-p", "allow", "-o", "*"])
        // Waiting for the outcome reads the application, as upstream's CLI does.
        _ = try argo.wharfOutput(["proj", "role", "add-policy", "team-a", "deployer", "-a", "get", "-p", "allow", "-o", "*"])
        let token = try argo.wharfOutput(["proj", "role", "create-token", "team-a", "deployer", "-t"]).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try argo.cluster.kubectlOutput(["apply", "-f", "-"], input: application("mine", project: "team-a", repository: repository))
        _ = try argo.cluster.kubectlOutput(["apply", "-f", "-"], input: application("theirs", project: "team-b", repository: repository))

        let mine = try argo.wharf(["app", "sync", "mine", "--auth-token", token, "--timeout", "120"])
        #expect(mine.exitCode == 0, "\(mine.standardError)")
        #expect(mine.standardOutput.contains("Phase:     Succeeded"), "\(mine.standardOutput)")
        #expect(try argo.cluster.kubectlOutput(["get", "configmap", "settings", "-n", "mine", "-o", "jsonpath={.data.owner}"]) == "app")
        let initiator = try argo.cluster.kubectlOutput(["get", "application", "mine", "-n", "argocd", "-o", "jsonpath={.status.operationState.operation.initiatedBy.username}"])
        #expect(initiator == "proj:team-a:deployer")

        let theirs = try argo.wharf(["app", "sync", "theirs", "--auth-token", token])
        #expect(theirs.exitCode != 0)
        #expect(theirs.standardError.contains("permission denied: applications, sync, team-b/theirs, sub: proj:team-a:deployer"), "\(theirs.standardError)")
        #expect(!theirs.standardError.contains(token))
        let untouched = try argo.cluster.kubectlOutput(["get", "application", "theirs", "-n", "argocd", "-o", "jsonpath={.operation}{.status.operationState}"])
        #expect(untouched.isEmpty, "a refused sync must not be requested: \(untouched)")

        // A revoked token no longer syncs even its own project's application.
        let project = try JSONParser.parse(try argo.wharfOutput(["proj", "get", "team-a", "-o", "json"]))
        let issuedAt = try #require(project[path: ["spec", "roles"]]?.arrayValue?.first?[path: ["jwtTokens"]]?.arrayValue?.first?["iat"]?.int64Value)
        _ = try argo.wharfOutput(["proj", "role", "delete-token", "team-a", "deployer", String(issuedAt)])
        let revoked = try argo.wharf(["app", "sync", "mine", "--auth-token", token])
        #expect(revoked.exitCode != 0 && revoked.standardError.contains("revoked"), "\(revoked.standardError)")
    }
}
