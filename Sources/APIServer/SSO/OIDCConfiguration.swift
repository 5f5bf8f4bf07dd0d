import KubeModel

/// `oidc.config` of `argocd-cm`: the OpenID Connect provider users log in with. `$key` values
/// are read from `argocd-secret`, as upstream resolves them.
public struct OIDCConfiguration: Sendable, Equatable {
    /// The button's label.
    public var name: String
    /// The issuer URL (its `/.well-known/openid-configuration` describes the rest).
    public var issuer: String
    /// The client registered for Argo CD.
    public var clientID: String
    /// The client's secret (empty for public clients using PKCE alone).
    var clientSecret: String
    /// The client the CLI logs in as (`cliClientID`), when it differs from the web client.
    public var cliClientID: String?
    /// Scopes asked for beyond `openid` (default `profile`, `email`, `groups`... as upstream).
    public var requestedScopes: [String]
    /// The claim holding the user's groups (`groups` unless `requestedIDTokenClaims` names another essential claim).
    public var groupsClaim: String

    /// The configuration in `configMap` (`oidc.config`), with `$`-references resolved from `secret`; nil when unset or unreadable.
    init?(configMap: [String: String], secret: [String: String]) {
        guard let text = configMap["oidc.config"], !text.isEmpty, let value = try? YAMLReader.read(text) else { return nil }
        func resolved(_ key: String) -> String {
            let raw = value[key]?.stringValue ?? ""
            return raw.hasPrefix("$") ? secret[String(raw.dropFirst())] ?? "" : raw
        }
        issuer = resolved("issuer")
        clientID = resolved("clientID")
        guard !issuer.isEmpty, !clientID.isEmpty else { return nil }
        name = value["name"]?.stringValue ?? "SSO"
        clientSecret = resolved("clientSecret")
        cliClientID = value["cliClientID"]?.stringValue
        requestedScopes = value["requestedScopes"]?.arrayValue?.compactMap(\.stringValue) ?? ["openid", "profile", "email", "groups"]
        groupsClaim = value["requestedIDTokenClaims"]?.objectValue?.keys.first { $0.lowercased().contains("group") } ?? "groups"
    }
}
