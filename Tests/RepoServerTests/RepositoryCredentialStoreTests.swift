import Foundation
import KubeModel
import RepoServer
import Testing

/// Repository Secrets and credential templates are matched the upstream way.
struct RepositoryCredentialStoreTests {
    private func secret(_ name: String, type: String, _ data: [String: String]) -> JSONValue {
        var encoded = JSONValue.emptyObject
        for (key, value) in data { encoded[key] = .string(Data(value.utf8).base64EncodedString()) }
        return [
            "apiVersion": "v1", "kind": "Secret",
            "metadata": ["name": .string(name), "namespace": "argocd", "labels": ["argocd.argoproj.io/secret-type": .string(type)]],
            "data": encoded,
        ]
    }

    @Test("a repository Secret wins; otherwise the longest matching repo-creds prefix; otherwise anonymous")
    func matching() {
        let store = RepositoryCredentialStore()
        store.update(secret: secret("org", type: "repo-creds", ["url": "https://git.example.com/org", "username": "org-bot", "password": "org-token"]))
        store.update(secret: secret("team", type: "repo-creds", ["url": "https://git.example.com/org/team", "username": "team-bot", "password": "team-token"]))
        store.update(secret: secret("special", type: "repository", ["url": "https://git.example.com/org/team/special.git", "username": "special", "password": "s3cret"]))
        store.update(secret: secret("ssh", type: "repository", ["url": "ssh://git@git.example.com/infra.git", "sshPrivateKey": "KEY", "insecure": "true"]))
        store.update(secret: secret("oci", type: "repository", ["url": "registry.example.com/charts", "type": "helm", "enableOCI": "true"]))

        #expect(store.credentials(for: "https://git.example.com/org/team/special").username == "special", "URLs match without .git")
        #expect(store.credentials(for: "https://git.example.com/org/team/other.git").username == "team-bot")
        #expect(store.credentials(for: "https://git.example.com/org/web.git").password == "org-token")
        #expect(store.credentials(for: "https://elsewhere.example.com/x.git").username == nil)
        let ssh = store.credentials(for: "ssh://git@git.example.com/infra.git")
        #expect(ssh.sshPrivateKey == "KEY" && ssh.insecure)
        let oci = store.credentials(for: "registry.example.com/charts")
        #expect(oci.type == "helm" && oci.enableOCI)

        store.remove(secretNamespace: "argocd", name: "special")
        #expect(store.credentials(for: "https://git.example.com/org/team/special.git").username == "team-bot")
        // A Secret that loses its label stops counting.
        var unlabelled = secret("team", type: "repo-creds", ["url": "https://git.example.com/org/team"])
        unlabelled[path: ["metadata", "labels"]] = .emptyObject
        store.update(secret: unlabelled)
        #expect(store.credentials(for: "https://git.example.com/org/team/other.git").username == "org-bot")
    }

    @Test("a repository Secret without credentials takes them from a matching template, keeping its own settings")
    func inheritance() {
        let store = RepositoryCredentialStore()
        store.update(secret: secret("creds", type: "repo-creds", ["url": "https://charts.example.com", "username": "u", "password": "p"]))
        store.update(secret: secret("repo", type: "repository", ["url": "https://charts.example.com/stable", "type": "helm"]))
        let credentials = store.credentials(for: "https://charts.example.com/stable")
        #expect(credentials.username == "u" && credentials.password == "p" && credentials.type == "helm")
    }
}
