import Foundation
import KubeModel
import Testing

/// `wharf cluster add|list|get|rm` against two embedded clusters, as a user runs them with one
/// kubeconfig holding the control cluster's context and the target's.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil, "kubectl is not installed, so the cluster commands cannot be checked with it"))
struct ClusterAddCommandTests {
    /// A kubeconfig context entry for `cluster`, authenticated as its admin (or with `token`).
    private static func entries(_ name: String, _ cluster: ClusterProcess, token: String? = nil) throws -> (cluster: String, user: String, context: String) {
        let ca = try Data(contentsOf: cluster.dataDirectory.appendingPathComponent("ca.crt")).base64EncodedString()
        let adminToken = try String(contentsOf: cluster.dataDirectory.appendingPathComponent("token"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return (
            "- name: \(name)\n  cluster: {server: \"\(try cluster.serverURL())\", certificate-authority-data: \(ca)}\n",
            "- name: \(name)\n  user: {token: \"\(token ?? adminToken)\"}\n",
            "- name: \(name)\n  context: {cluster: \(name), user: \(name)}\n"
        )
    }

    private static func kubeconfig(_ contexts: [(String, ClusterProcess, String?)], in directory: TemporaryDirectory, named file: String) throws -> String {
        let entries = try contexts.map { try Self.entries($0.0, $0.1, token: $0.2) }
        let text = "apiVersion: v1\nkind: Config\ncurrent-context: \(contexts[0].0)\nclusters:\n" + entries.map(\.cluster).joined()
            + "users:\n" + entries.map(\.user).joined() + "contexts:\n" + entries.map(\.context).joined()
        return try directory.write(file, text)
    }

    private static func decoded(_ secret: JSONValue, _ key: String) -> String? {
        secret[path: ["data", key]]?.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func addWritesACredentialThatWorksAndListGetRemoveNeverShowIt() throws {
        let directory = try TemporaryDirectory()
        let control = try ClusterProcess()
        let remote = try ClusterProcess()
        let kubeconfig = try Self.kubeconfig([("control", control, nil), ("remote-context", remote, nil)], in: directory, named: "config")
        let remoteURL = try remote.serverURL()
        _ = try control.kubectlOutput(["create", "namespace", "argocd"])
        let kubeconfigFlag = ["--kubeconfig", kubeconfig]

        let added = try CommandRunner.wharf(["cluster", "add", "remote-context", "--name", "remote", "--yes"] + kubeconfigFlag)
        #expect(added.exitCode == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("Cluster '\(remoteURL)' added"), "\(added.standardOutput)")

        // The cluster Secret, named as upstream names it.
        let listed = try JSONParser.parse(
            try control.kubectlOutput(["get", "secrets", "-n", "argocd", "-l", "argocd.argoproj.io/secret-type=cluster", "-o", "json"]))
        let secrets = listed["items"]?.arrayValue ?? []
        try #require(secrets.count == 1, "\(listed)")
        let secret = secrets[0]
        #expect(secret[path: ["metadata", "name"]]?.stringValue?.hasPrefix("cluster-127.0.0.1-") == true)
        #expect(Self.decoded(secret, "server") == remoteURL && Self.decoded(secret, "name") == "remote")
        let config = try JSONParser.parse(try #require(Self.decoded(secret, "config")))
        let token = try #require(config["bearerToken"]?.stringValue)
        let remoteCA = try Data(contentsOf: remote.dataDirectory.appendingPathComponent("ca.crt")).base64EncodedString()
        #expect(config[path: ["tlsClientConfig", "caData"]]?.stringValue == remoteCA)
        #expect(config[path: ["tlsClientConfig", "insecure"]]?.boolValue == false)

        // The token is argocd-manager's, bound to the all-powerful ClusterRole on the remote cluster.
        let managerConfig = try Self.kubeconfig([("manager", remote, token)], in: directory, named: "manager")
        let namespaces = try remote.kubectl(["get", "namespaces", "-o", "name"], kubeconfig: managerConfig)
        #expect(namespaces.exitCode == 0 && namespaces.standardOutput.contains("namespace/kube-system"), "\(namespaces.standardError)")
        let whoami = try remote.kubectl(["auth", "whoami"], kubeconfig: managerConfig)
        #expect(whoami.standardOutput.contains("system:serviceaccount:kube-system:argocd-manager"), "\(whoami.standardOutput)")

        // list and get show the cluster and its connection state, never the token.
        let list = try CommandRunner.wharf(["cluster", "list"] + kubeconfigFlag)
        #expect(list.exitCode == 0, "\(list.standardError)")
        #expect(list.standardOutput.contains("SERVER") && list.standardOutput.contains("PROJECT"))
        let row = list.standardOutput.split(separator: "\n").first { $0.contains(remoteURL) } ?? ""
        #expect(row.contains("remote") && row.contains("Successful"), "\(list.standardOutput)")
        #expect(list.standardOutput.contains("https://kubernetes.default.svc") && list.standardOutput.contains("in-cluster"))
        for arguments in [["cluster", "list", "-o", "json"], ["cluster", "list", "-o", "yaml"], ["cluster", "get", "remote", "-o", "json"],
            ["cluster", "get", remoteURL], ["cluster", "get", remoteURL, "-o", "wide"]]
        {
            let result = try CommandRunner.wharf(arguments + kubeconfigFlag)
            #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
            #expect(result.standardOutput.contains(remoteURL), "\(arguments): \(result.standardOutput)")
            #expect(!result.standardOutput.contains(token) && !result.standardError.contains(token), "\(arguments) printed the token")
        }
        let got = try JSONParser.parse(try CommandRunner.wharf(["cluster", "get", "remote", "-o", "json"] + kubeconfigFlag).standardOutput)
        #expect(got["name"]?.stringValue == "remote" && got[path: ["connectionState", "status"]]?.stringValue == "Successful")
        #expect(got[path: ["config", "bearerToken"]] == nil && got[path: ["config", "tlsClientConfig", "caData"]]?.stringValue == remoteCA)

        // Adding the same again changes nothing; different content needs --upsert.
        #expect(try CommandRunner.wharf(["cluster", "add", "remote-context", "--name", "remote", "--yes"] + kubeconfigFlag).exitCode == 0)
        let conflicting = try CommandRunner.wharf(["cluster", "add", "remote-context", "--name", "renamed", "--yes"] + kubeconfigFlag)
        #expect(conflicting.exitCode != 0)
        #expect(conflicting.standardError.contains("existing cluster spec is different; use upsert flag to force update"), "\(conflicting.standardError)")
        #expect(conflicting.standardError.contains("\"name\"") && !conflicting.standardError.contains(token))
        let upserted = try CommandRunner.wharf(["cluster", "add", "remote-context", "--name", "renamed", "--upsert", "--yes"] + kubeconfigFlag)
        #expect(upserted.exitCode == 0, "\(upserted.standardError)")
        #expect(try CommandRunner.wharf(["cluster", "get", "renamed", "-o", "server"] + kubeconfigFlag).standardOutput == "\(remoteURL)\n")

        // rm deletes the Secret.
        let removed = try CommandRunner.wharf(["cluster", "rm", "renamed", "-y"] + kubeconfigFlag)
        #expect(removed.exitCode == 0 && removed.standardOutput.contains("Cluster 'renamed' removed"), "\(removed.standardError)")
        let left = try control.kubectlOutput(["get", "secrets", "-n", "argocd", "-l", "argocd.argoproj.io/secret-type=cluster", "-o", "name"])
        #expect(left.isEmpty, "\(left)")
        let missing = try CommandRunner.wharf(["cluster", "get", "renamed"] + kubeconfigFlag)
        #expect(missing.exitCode != 0 && missing.standardError.contains("cluster \"renamed\" not found"), "\(missing.standardError)")
    }

    @Test func badInputIsRefusedWithMessagesThatSayWhatToDo() throws {
        let directory = try TemporaryDirectory()
        let control = try ClusterProcess()
        let kubeconfig = try Self.kubeconfig([("control", control, nil)], in: directory, named: "config")
        _ = try control.kubectlOutput(["create", "namespace", "argocd"])

        let unknown = try CommandRunner.wharf(["cluster", "add", "no-such-context", "--yes", "--kubeconfig", kubeconfig])
        #expect(unknown.exitCode != 0)
        #expect(unknown.standardError.contains("context \"no-such-context\" does not exist"), "\(unknown.standardError)")
        let label = try CommandRunner.wharf(["cluster", "add", "control", "--label", "novalue", "--kubeconfig", kubeconfig])
        #expect(label.exitCode != 0 && label.standardError.contains("--label novalue: expected key=value"), "\(label.standardError)")

        // -f applies cluster Secret manifests after validating them.
        let invalid = try directory.write("bad.yaml", """
            apiVersion: v1
            kind: Secret
            metadata: {name: bad, labels: {argocd.argoproj.io/secret-type: cluster}}
            stringData: {name: bad, server: "not a url"}
            """)
        let refused = try CommandRunner.wharf(["cluster", "add", "-f", invalid, "--kubeconfig", kubeconfig])
        #expect(refused.exitCode != 0 && refused.standardError.contains("key server"), "\(refused.standardError)")
        let valid = try directory.write("good.yaml", """
            apiVersion: v1
            kind: Secret
            metadata: {name: cluster-staging, labels: {argocd.argoproj.io/secret-type: cluster}}
            stringData: {name: staging, server: "https://staging.example.com:6443", config: '{"tlsClientConfig": {"insecure": true}}'}
            """)
        let applied = try CommandRunner.wharf(["cluster", "add", "-f", valid, "--kubeconfig", kubeconfig])
        #expect(applied.exitCode == 0 && applied.standardOutput.contains("Cluster 'https://staging.example.com:6443' added"), "\(applied.standardError)")
        let list = try CommandRunner.wharf(["cluster", "list", "-o", "server", "--kubeconfig", kubeconfig])
        #expect(list.standardOutput.contains("https://staging.example.com:6443\n"), "\(list.standardOutput)")
    }
}
