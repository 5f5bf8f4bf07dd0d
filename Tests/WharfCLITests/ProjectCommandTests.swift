import Crypto
import Foundation
import KubeModel
import Projects
import Testing

/// `wharf proj`, run as a user runs `argocd proj --core`, against a cluster with Argo CD's definitions.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil, "kubectl is needed"))
struct ProjectCommandTests {
    @Test("a project created with flags lists, shows and edits as upstream's; windows and kind lists are checked and kept")
    func createEditAndInspect() throws {
        let argo = try ArgoInstallation()
        let created = try argo.wharfOutput([
            "proj", "create", "team-a", "--description", "Team A", "-d", "https://kubernetes.default.svc,team-a", "-d", "https://kubernetes.default.svc,team-a-*",
            "-s", "https://github.com/org/team-a.git", "--orphaned-resources", "--core",
        ])
        #expect(created == "Project 'team-a' created\n")
        // Someone adds a field Wharf does not know; every later edit must keep it.
        _ = try argo.cluster.kubectlOutput([
            "patch", "appproject", "team-a", "-n", "argocd", "--type", "merge", "-p", #"{"spec":{"permitOnlyProjectScopedClusters":true}}"#,
        ])

        let listing = try argo.wharfOutput(["proj", "list"])
        let header = try #require(listing.split(separator: "\n").first)
        #expect(header.split(separator: " ").map(String.init) == [
            "NAME", "DESCRIPTION", "DESTINATIONS", "SOURCES", "CLUSTER-RESOURCE-WHITELIST", "NAMESPACE-RESOURCE-BLACKLIST", "SIGNATURE-KEYS",
            "ORPHANED-RESOURCES",
        ])
        let row = try #require(listing.split(separator: "\n").first { $0.hasPrefix("team-a ") })
        #expect(row.contains("2 destinations") && row.contains("https://github.com/org/team-a.git") && row.contains("enabled (warn=false)"), "\(listing)")
        #expect(listing.contains("default "), "the controller's default project is listed too")

        let detail = try argo.wharfOutput(["proj", "get", "team-a"])
        #expect(detail.contains("Destinations:                https://kubernetes.default.svc,team-a\n                             https://kubernetes.default.svc,team-a-*"), "\(detail)")

        _ = try argo.wharfOutput(["proj", "add-destination", "team-a", "in-cluster", "shared", "--name"])
        #expect(try argo.wharf(["proj", "add-destination", "team-a", "in-cluster", "shared", "--name"]).standardError.contains("already defined"))
        _ = try argo.wharfOutput(["proj", "remove-destination", "team-a", "https://kubernetes.default.svc", "team-a-*"])
        _ = try argo.wharfOutput(["proj", "add-source", "team-a", "https://github.com/org/shared"])
        #expect(try argo.wharfOutput(["proj", "add-source", "team-a", "https://github.com/org/shared.git"]).contains("already allowed"))
        #expect(try argo.wharfOutput(["proj", "allow-cluster-resource", "team-a", "", "Namespace"]) == "Group '' and kind 'Namespace' is added to allowed cluster resources\n")
        #expect(try argo.wharfOutput(["proj", "deny-namespace-resource", "team-a", "", "ResourceQuota"]).contains("added to denied namespaced resources"))

        _ = try argo.wharfOutput(["proj", "windows", "add", "team-a", "--kind", "deny", "--schedule", "0 22 * * *", "--duration", "1h", "--applications", "prod-*,web", "--manual-sync"])
        let windows = try argo.wharfOutput(["proj", "windows", "list", "team-a"])
        let windowRow = try #require(windows.split(separator: "\n").dropFirst().first).split(separator: " ").map(String.init)
        #expect(windowRow.first == "0" && windowRow.contains("deny") && windowRow.contains("prod-*,web") && windowRow.contains("Enabled") && windowRow.contains("UTC"), "\(windows)")

        let badSchedule = try argo.wharf(["proj", "windows", "add", "team-a", "--kind", "allow", "--schedule", "0 25 * *", "--duration", "1h"])
        #expect(badSchedule.exitCode != 0)
        #expect(badSchedule.standardError.contains("spec.syncWindows[1].schedule"), "\(badSchedule.standardError)")
        let badDuration = try argo.wharf(["proj", "windows", "add", "team-a", "--kind", "allow", "--schedule", "0 1 * * *", "--duration", "soon"])
        #expect(badDuration.exitCode != 0 && badDuration.standardError.contains("spec.syncWindows[1].duration"), "\(badDuration.standardError)")

        let json = try JSONParser.parse(try argo.wharfOutput(["proj", "get", "team-a", "-o", "json"]))
        let spec = try #require(json["spec"])
        #expect(spec["permitOnlyProjectScopedClusters"] == true, "an unknown field survives every edit")
        #expect(spec["destinations"]?.arrayValue?.count == 2)
        #expect(spec["destinations"]?.arrayValue?.last == ["name": "in-cluster", "namespace": "shared"])
        #expect(spec["sourceRepos"] == ["https://github.com/org/team-a.git", "https://github.com/org/shared"])
        #expect(spec["clusterResourceWhitelist"] == [["group": "", "kind": "Namespace"]])
        #expect(spec["syncWindows"]?.arrayValue?.count == 1, "refused windows are not written")
        #expect(spec["description"] == "Team A")

        _ = try argo.wharfOutput(["proj", "set", "team-a", "--description", "Team A (platform)"])
        #expect(try JSONParser.parse(try argo.wharfOutput(["proj", "get", "team-a", "-o", "json"]))[path: ["spec", "sourceRepos"]]?.arrayValue?.count == 2, "set keeps fields without flags")
        _ = try argo.wharfOutput(["proj", "windows", "delete", "team-a", "0"])
        #expect(try argo.wharfOutput(["proj", "windows", "list", "team-a"]).split(separator: "\n").count == 1)

        let listJSON = try JSONParser.parse(try argo.wharfOutput(["proj", "list", "-o", "json"]))
        #expect(Set(listJSON.arrayValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } ?? []) == ["default", "team-a"])

        _ = try argo.wharfOutput(["proj", "delete", "team-a"])
        let missing = try argo.wharf(["proj", "get", "team-a"])
        #expect(missing.exitCode != 0 && missing.standardError.contains("project team-a not found in namespace argocd"), "\(missing.standardError)")
    }

    @Test("a role with a policy gets a token signed with argocd-secret's key and recorded in jwtTokens; deleting the record revokes it")
    func roleTokens() throws {
        let argo = try ArgoInstallation()
        _ = try argo.wharfOutput(["proj", "create", "team-b", "-s", "*", "-d", "*,*"])
        #expect(try argo.wharfOutput(["proj", "role", "create", "team-b", "ci", "--description", "CI pipelines"]) == "Role 'ci' created\n")
        _ = try argo.wharfOutput(["proj", "role", "add-policy", "team-b", "ci", "-a", "sync", "-p", "allow", "-o", "*"])
        #expect(try argo.wharfOutput(["proj", "role", "list", "team-b"]).contains("ci         CI pipelines"))

        let unknown = try argo.wharf(["proj", "role", "create-token", "team-b", "deploy"])
        #expect(unknown.exitCode != 0 && unknown.standardError.contains("project team-b has no role deploy"), "\(unknown.standardError)")

        let token = try argo.wharfOutput(["proj", "role", "create-token", "team-b", "ci", "-e", "7d", "--id", "pipeline-1", "-t"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let verbose = try argo.wharfOutput(["proj", "role", "create-token", "team-b", "ci"])
        #expect(verbose.hasPrefix("Create token succeeded for proj:team-b:ci.\n  ID: ") && verbose.contains("  Expires At: Never\n  Token: ey"), "\(verbose)")

        let encodedKey = try argo.cluster.kubectlOutput(["get", "secret", "argocd-secret", "-n", "argocd", "-o", "jsonpath={.data.server\\.secretkey}"])
        let key = SymmetricKey(data: try #require(Data(base64Encoded: encodedKey)))
        let project = try AppProject(object: KubeObject(JSONParser.parse(try argo.wharfOutput(["proj", "get", "team-b", "-o", "json"]))))
        let role = try #require(project.roles.first { $0.name == "ci" })
        #expect(role.policies == ["p, proj:team-b:ci, applications, sync, team-b/*, allow"])
        #expect(role.tokens.count == 2)
        let record = try #require(role.tokens.first { $0.id == "pipeline-1" })
        #expect(record.expiresAt == record.issuedAt + 7 * 86_400)

        let claims = try ProjectToken.verify(token, key: key) { $0 == "team-b" ? project : nil }
        #expect(claims.project == "team-b" && claims.role == "ci" && claims.id == "pipeline-1" && claims.issuedAt == record.issuedAt)

        _ = try argo.wharfOutput(["proj", "role", "delete-token", "team-b", "ci", String(record.issuedAt)])
        let revoked = try AppProject(object: KubeObject(JSONParser.parse(try argo.wharfOutput(["proj", "get", "team-b", "-o", "json"]))))
        #expect(throws: ProjectTokenError.self) { try ProjectToken.verify(token, key: key) { _ in revoked } }
        #expect(try argo.wharfOutput(["proj", "role", "delete", "team-b", "ci"]) == "Role 'ci' deleted\n")
    }

    @Test("-f FILE creates the project the manifest describes, and an existing one with a different spec needs --upsert")
    func createFromFile() throws {
        let argo = try ArgoInstallation()
        let directory = try TemporaryDirectory()
        let manifest = """
            apiVersion: argoproj.io/v1alpha1
            kind: AppProject
            metadata:
              name: from-file
              labels: {team: c}
            spec:
              description: From a file
              sourceRepos: ["https://github.com/org/c.git"]
              destinations: [{server: "https://kubernetes.default.svc", namespace: c}]
            """
        let file = try directory.write("project.yaml", manifest)
        #expect(try argo.wharfOutput(["proj", "create", "-f", file]) == "Project 'from-file' created\n")
        #expect(try argo.wharfOutput(["proj", "create", "from-file", "-f", file]) == "Project 'from-file' unchanged\n")
        let changed = try directory.write("changed.yaml", manifest.replacingOccurrences(of: "From a file", with: "Changed"))
        let refused = try argo.wharf(["proj", "create", "-f", changed])
        #expect(refused.exitCode != 0 && refused.standardError.contains("--upsert"), "\(refused.standardError)")
        #expect(try argo.wharfOutput(["proj", "create", "-f", changed, "--upsert"]) == "Project 'from-file' updated\n")
        let mismatch = try argo.wharf(["proj", "create", "other", "-f", file])
        #expect(mismatch.standardError.contains("does not match project spec metadata.name 'from-file'"))

        let project = try JSONParser.parse(try argo.wharfOutput(["proj", "get", "from-file", "-o", "json"]))
        #expect(project[path: ["spec", "description"]] == "Changed")
        #expect(project[path: ["metadata", "labels", "team"]] == "c")
        let yaml = try argo.wharfOutput(["proj", "get", "from-file", "-o", "yaml"])
        #expect(yaml.contains("kind: AppProject") && yaml.contains("description: Changed"))
    }
}
