public import KubeModel
import Foundation
import Synchronization

/// Repository credentials the upstream way: Secrets labelled `argocd.argoproj.io/secret-type:
/// repository` for one repository (matched by URL) and `repo-creds` templates whose `url` is a
/// prefix of the repositories they serve (the longest prefix wins); SSH known hosts from the
/// `argocd-ssh-known-hosts-cm` ConfigMap. The caller feeds Secrets and the ConfigMap from a watch.
public final class RepositoryCredentialStore: Sendable {
    /// The label that marks repository Secrets and its values.
    public static let secretTypeLabel = "argocd.argoproj.io/secret-type"

    private struct Entry {
        var url: String
        var isTemplate: Bool
        var credentials: RepositoryCredentials
        var hasSecrets: Bool
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var knownHosts: String?
    }

    private let state = Mutex(State())

    /// An empty store.
    public init() {}

    /// Adds or replaces a Secret; Secrets without the repository label are ignored (and removed, in
    /// case the label was taken off).
    public func update(secret: JSONValue) {
        let name = "\(secret[path: ["metadata", "namespace"]]?.stringValue ?? "")/\(secret[path: ["metadata", "name"]]?.stringValue ?? "")"
        let kind = secret[path: ["metadata", "labels", Self.secretTypeLabel]]?.stringValue
        guard kind == "repository" || kind == "repo-creds", let entry = Self.entry(from: secret, isTemplate: kind == "repo-creds") else {
            state.withLock { _ = $0.entries.removeValue(forKey: name) }
            return
        }
        state.withLock { $0.entries[name] = entry }
    }

    /// Forgets a deleted Secret.
    public func remove(secretNamespace namespace: String, name: String) {
        state.withLock { _ = $0.entries.removeValue(forKey: "\(namespace)/\(name)") }
    }

    /// Sets the SSH known hosts (the `ssh_known_hosts` key of `argocd-ssh-known-hosts-cm`).
    public func setKnownHosts(_ text: String?) {
        state.withLock { $0.knownHosts = text }
    }

    /// The known hosts lines in force.
    public var knownHosts: String? { state.withLock { $0.knownHosts } }

    /// The credentials for `url`: its repository Secret's, or when that carries none, the longest
    /// matching credential template's; anonymous when neither exists.
    public func credentials(for url: String) -> RepositoryCredentials {
        let normalized = Self.normalize(url)
        return state.withLock { state in
            let repository = state.entries.values.first { !$0.isTemplate && Self.normalize($0.url) == normalized }
            if let repository, repository.hasSecrets { return repository.credentials }
            let template = state.entries.values.filter { $0.isTemplate && normalized.hasPrefix(Self.normalize($0.url)) }
                .max { $0.url.count < $1.url.count }
            guard var credentials = template?.credentials else { return repository?.credentials ?? .anonymous }
            if let repository {
                // The repository's own settings (type, OCI, proxy) win over the template's.
                credentials.type = repository.credentials.type
                credentials.enableOCI = repository.credentials.enableOCI || credentials.enableOCI
                credentials.proxy = repository.credentials.proxy ?? credentials.proxy
                credentials.insecure = repository.credentials.insecure || credentials.insecure
            }
            return credentials
        }
    }

    /// URLs compare without case, a trailing slash or `.git`, as upstream's normalisation does.
    static func normalize(_ url: String) -> String {
        var text = url.lowercased().trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        if text.hasSuffix(".git") { text.removeLast(4) }
        return text
    }

    private static func entry(from secret: JSONValue, isTemplate: Bool) -> Entry? {
        func field(_ key: String) -> String? {
            if let encoded = secret[path: ["data", key]]?.stringValue, let data = Data(base64Encoded: encoded) {
                return String(decoding: data, as: UTF8.self)
            }
            return secret[path: ["stringData", key]]?.stringValue
        }
        guard let url = field("url"), !url.isEmpty else { return nil }
        let credentials = RepositoryCredentials(
            type: field("type") ?? "git", enableOCI: field("enableOCI") == "true", username: field("username"), password: field("password"),
            sshPrivateKey: field("sshPrivateKey"), insecure: field("insecure") == "true", proxy: field("proxy"), noProxy: field("noProxy"))
        let hasSecrets = credentials.username != nil || credentials.password != nil || credentials.sshPrivateKey != nil
        return Entry(url: url, isTemplate: isTemplate, credentials: credentials, hasSecrets: hasSecrets)
    }
}
