import Crypto
import Foundation
import KubeModel
import Synchronization

/// Authenticates the tokens of service-account token Secrets as `system:serviceaccount:NS:NAME`, from an
/// index of token Secrets and ServiceAccounts that a follower of the store keeps current: the token's
/// signed claims name its Secret and account, so a request costs a signature check and two dictionary
/// lookups, never a scan.
///
/// A token works while its Secret still holds it and the ServiceAccount it was issued for (same UID)
/// exists: deleting either revokes it, as in Kubernetes.
final class ServiceAccountTokens: Sendable {
    private let signer: ServiceAccountTokenSigner
    private let state = Mutex(State())

    /// What a token Secret holds: the SHA-256 of its token (so that comparing it takes the same time
    /// however much of a guess matches) and the account its annotation names.
    private struct Holding {
        var digest: SHA256.Digest
        var serviceAccountName: String
    }

    private struct State {
        var secrets: [ObjectKey: Holding] = [:]
        /// ServiceAccount UIDs by `namespace/name`.
        var accounts: [String: String] = [:]
    }

    init(signer: ServiceAccountTokenSigner) {
        self.signer = signer
    }

    /// The service account `token` authenticates, or nil when it is not a valid service-account token.
    func user(for token: String) -> UserInfo? {
        guard let claims = signer.verify(token) else { return nil }
        let digest = SHA256.hash(data: Array(token.utf8))
        let secret = ObjectKey(storage: ServiceAccountTokenSecret.secrets, namespace: claims.namespace, name: claims.secretName)
        let valid = state.withLock { state -> Bool in
            // The token must still be in the Secret it was issued for (`==` on digests is constant-time),
            // the Secret must still name the account, and the account must be the one it was issued for.
            guard let holding = state.secrets[secret] else { return false }
            return holding.digest == digest && holding.serviceAccountName == claims.serviceAccountName
                && state.accounts["\(claims.namespace)/\(claims.serviceAccountName)"] == claims.serviceAccountUID
        }
        guard valid else { return nil }
        return UserInfo(
            authenticated: "system:serviceaccount:\(claims.namespace):\(claims.serviceAccountName)", uid: claims.serviceAccountUID,
            groups: ["system:serviceaccounts", "system:serviceaccounts:\(claims.namespace)"])
    }

    /// Applies one change to a Secret or ServiceAccount.
    func apply(_ event: WatchEvent) {
        let object: JSONValue? = event.type == .deleted ? nil : event.object.object()
        state.withLock { state in
            switch event.key.storage {
            case ServiceAccountTokenSecret.serviceAccounts:
                state.accounts["\(event.key.namespace)/\(event.key.name)"] = object?[path: ["metadata", "uid"]]?.stringValue
            case ServiceAccountTokenSecret.secrets:
                state.secrets[event.key] = nil
                guard let object, let account = ServiceAccountTokenSecret.serviceAccountName(of: object),
                    let encoded = object[path: ["data", "token"]]?.stringValue, let token = Data(base64Encoded: encoded), !token.isEmpty
                else { return }
                state.secrets[event.key] = Holding(digest: SHA256.hash(data: token), serviceAccountName: account)
            default:
                break
            }
        }
    }

    /// Forgets one resource's objects before they are listed again.
    func removeAll(storage: String) {
        state.withLock { state in
            if storage == ServiceAccountTokenSecret.serviceAccounts {
                state.accounts = [:]
            } else if storage == ServiceAccountTokenSecret.secrets {
                state.secrets = [:]
            }
        }
    }

    /// Lists Secrets and ServiceAccounts into the index, so that tokens work from the first request.
    /// - Returns: The resource version of each list, for following from there.
    func load(from store: ObjectStore) async -> [String: Int64] {
        var versions: [String: Int64] = [:]
        for storage in [ServiceAccountTokenSecret.secrets, ServiceAccountTokenSecret.serviceAccounts] {
            let (items, version) = await store.list(WatchFilter(storage: storage))
            for (key, object) in items { apply(WatchEvent(type: .added, key: key, object: object)) }
            versions[storage] = version
        }
        return versions
    }
}
