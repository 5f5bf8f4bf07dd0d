import Foundation
import KubeModel
import RepoServer

/// A repository or credential template as Argo CD keeps it: a Secret labelled
/// `argocd.argoproj.io/secret-type: repository` (or `repo-creds`) named `repo-<FNV-32a of URL and
/// project>` (`creds-...`), with `url`, `type`, `name`, `project`, `username`, `password`,
/// `sshPrivateKey`, `insecure`, `enableOCI` — and how it is shown: never with its secrets.
struct RepositorySecret: Sendable {
    /// `repository` or `repo-creds`.
    let kind: String
    let data: [String: String]

    init(kind: String, data: [String: String]) {
        self.kind = kind
        self.data = data
    }

    init?(secret: KubeObject) {
        guard let kind = secret.label(WellKnownLabels.secretType), kind == "repository" || kind == "repo-creds" else { return nil }
        var data = ServerSettings.decodedData(secret)
        for (key, value) in secret[path: "stringData"]?.objectValue ?? [:] { data[key] = value.stringValue }
        self.init(kind: kind, data: data)
    }

    /// The fields a request may set; everything else is ignored.
    static let fields = [
        "url", "type", "name", "project", "username", "password", "sshPrivateKey", "insecure", "enableOCI", "enableLfs", "proxy", "noProxy",
        "tlsClientCertData", "tlsClientCertKey", "forceHttpBasicAuth", "useAzureWorkloadIdentity",
    ]
    /// The fields that are secret: accepted, stored, never returned.
    static let secretFields: Set<String> = ["password", "sshPrivateKey", "tlsClientCertKey", "githubAppPrivateKey", "gcpServiceAccountKey", "bearerToken"]

    /// From an API body (`repo` is upstream's name for the URL).
    init(kind: String, body: JSONValue) {
        var data: [String: String] = [:]
        for field in Self.fields {
            let key = field == "url" ? "repo" : field
            switch body[key] {
            case .string(let text) where !text.isEmpty: data[field] = text
            case .bool(let flag): if flag { data[field] = "true" }
            default: break
            }
        }
        self.init(kind: kind, data: data)
    }

    var url: String { data["url"] ?? "" }

    /// Why `url` cannot name a repository, if it cannot: git would read a leading `-` as an option,
    /// and whitespace or control characters never belong in one.
    static func problem(with url: String) -> String? {
        if url.isEmpty { return "repo is required: the repository URL" }
        if url.hasPrefix("-") { return "repository URL \(url) may not start with '-'" }
        if url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return "repository URL may not contain whitespace or control characters"
        }
        return nil
    }
    var project: String { data["project"] ?? "" }

    /// The RBAC object: `project/url`, or the URL for a global repository.
    var rbacObject: String { project.isEmpty ? url : "\(project)/\(url)" }

    /// The Secret's name, as upstream derives it.
    var secretName: String {
        var hash = FNVHash()
        hash.add(url)
        hash.add(project)
        return "\(kind == "repo-creds" ? "creds" : "repo")-\(hash.value)"
    }

    var credentials: RepositoryCredentials {
        RepositoryCredentials(
            type: data["type"] ?? "git", enableOCI: data["enableOCI"] == "true", username: data["username"], password: data["password"],
            sshPrivateKey: data["sshPrivateKey"], insecure: data["insecure"] == "true", proxy: data["proxy"], noProxy: data["noProxy"])
    }

    /// The Secret to write in `namespace`.
    func object(namespace: String) -> KubeObject {
        var secret = KubeObject(apiVersion: "v1", kind: "Secret", name: secretName, namespace: namespace)
        secret.setLabel(WellKnownLabels.secretType, kind)
        secret.setAnnotation("managed-by", "argocd.argoproj.io")
        secret["type"] = "Opaque"
        secret["data"] = .object(JSONObject(uniqueKeysWithValues: data.sorted { $0.key < $1.key }.map { ($0.key, .string(Data($0.value.utf8).base64EncodedString())) }))
        return secret
    }

    /// The API view: upstream's field names, no secret values (only whether one is set).
    func view(connection: JSONValue? = nil) -> JSONValue {
        var view: JSONValue = ["repo": .string(url), "type": .string(data["type"] ?? "git")]
        for field in Self.fields where field != "url" && field != "type" && !Self.secretFields.contains(field) {
            guard let value = data[field] else { continue }
            view[field] = value == "true" ? true : value == "false" ? false : .string(value)
        }
        if data["password"] != nil || data["sshPrivateKey"] != nil { view["hasCredentials"] = true }
        if let connection { view["connectionState"] = connection }
        return view
    }
}
