public import Foundation
import KubeModel

/// A local user: `admin`, or one declared in `argocd-cm` as `accounts.<name>: apiKey, login`,
/// with its password hash, password change time and API tokens from `argocd-secret`.
public struct LocalAccount: Sendable, Equatable {
    /// What an account may be used for.
    public enum Capability: String, Sendable, Equatable {
        /// Log in with a password.
        case login
        /// Hold API tokens.
        case apiKey
    }

    /// The account name.
    public var name: String
    /// `accounts.<name>.enabled` (`admin.enabled` for admin); disabled accounts cannot log in and their tokens stop working.
    public var enabled: Bool
    /// What it may be used for.
    public var capabilities: Set<Capability>
    /// The bcrypt hash of its password, if one is set.
    public var passwordHash: String?
    /// When the password last changed: sessions issued earlier are no longer valid.
    public var passwordChanged: Date?
    /// The API tokens issued for it.
    public var tokens: [AccountToken]

    /// The key prefix of the account's entries in `argocd-secret` (`admin` or `accounts.<name>`).
    public var secretPrefix: String { name == "admin" ? "admin" : "accounts.\(name)" }

    /// The accounts `argocd-cm` (`configMap`) and `argocd-secret` (`secret`, decoded values) declare.
    public static func all(configMap: [String: String], secret: [String: String]) -> [String: LocalAccount] {
        var accounts: [String: LocalAccount] = [:]
        accounts["admin"] = LocalAccount(
            name: "admin", enabled: configMap["admin.enabled"].map { $0.lowercased() != "false" } ?? true, capabilities: [.login],
            secret: secret, prefix: "admin")
        for (key, value) in configMap where key.hasPrefix("accounts.") {
            let name = String(key.dropFirst("accounts.".count))
            guard !name.isEmpty, !name.contains(".") else { continue }
            let capabilities = Set(value.split(separator: ",").compactMap { Capability(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
            let enabled = configMap["accounts.\(name).enabled"].map { $0.lowercased() != "false" } ?? true
            accounts[name] = LocalAccount(name: name, enabled: enabled, capabilities: capabilities, secret: secret, prefix: "accounts.\(name)")
        }
        return accounts
    }

    private init(name: String, enabled: Bool, capabilities: Set<Capability>, secret: [String: String], prefix: String) {
        self.name = name
        self.enabled = enabled
        self.capabilities = capabilities
        passwordHash = secret["\(prefix).password"].flatMap { $0.isEmpty ? nil : $0 }
        passwordChanged = secret["\(prefix).passwordMtime"].flatMap { try? Date($0, strategy: .iso8601) }
        tokens = secret["\(prefix).tokens"].flatMap { try? JSONParser.parse(bytes: Array($0.utf8)) }?.arrayValue?.compactMap(AccountToken.init(json:)) ?? []
    }
}
