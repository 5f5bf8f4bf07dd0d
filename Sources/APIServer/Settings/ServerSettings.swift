import Crypto
import Foundation
import KubeModel
public import Projects

/// Everything the API server decides with, read from `argocd-cm`, `argocd-rbac-cm`,
/// `argocd-secret` and the AppProjects: one immutable snapshot, rebuilt when one of them changes,
/// so that a request never waits on the cluster to be authenticated or authorised.
public struct ServerSettings: Sendable {
    /// `argocd-cm`'s data.
    public var configMap: [String: String]
    /// `argocd-secret`'s data, decoded.
    var secret: [String: String]
    /// The key sessions and tokens are signed with (`server.secretkey`), once it exists.
    var signingKey: SymmetricKey?
    /// Local accounts by name.
    public var accounts: [String: LocalAccount]
    /// AppProjects by name.
    public var projects: [String: AppProject]
    /// Who may do what.
    public var authorizer: Authorizer
    /// The OpenID Connect provider, when SSO is configured.
    public var oidc: OIDCConfiguration?

    /// `users.anonymous.enabled`: callers without a token act with `policy.default`.
    public var anonymousEnabled: Bool { configMap["users.anonymous.enabled"]?.lowercased() == "true" }
    /// The external URL (`url`).
    public var url: String? { configMap["url"] }

    /// Settings from the objects' data (`secret` decoded from base64).
    public init(configMap: [String: String], rbacConfigMap: [String: String], secret: [String: String], projects: [AppProject]) {
        self.configMap = configMap
        self.secret = secret
        signingKey = secret[ServerSigningKey.dataKey].flatMap { $0.isEmpty ? nil : SymmetricKey(data: Data($0.utf8)) }
        accounts = LocalAccount.all(configMap: configMap, secret: secret)
        self.projects = Dictionary(projects.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        authorizer = Authorizer(rbacConfigMap: rbacConfigMap, projects: projects)
        oidc = OIDCConfiguration(configMap: configMap, secret: secret)
    }

    /// A Secret's `data`, decoded from base64 (values that do not decode are left out).
    static func decodedData(_ object: KubeObject?) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in object?[path: "data"]?.objectValue ?? [:] {
            if let encoded = value.stringValue, let bytes = Data(base64Encoded: encoded) { result[key] = String(decoding: bytes, as: UTF8.self) }
        }
        return result
    }
}
