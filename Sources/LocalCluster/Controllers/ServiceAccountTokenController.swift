import Foundation
import KubeModel

/// Fills legacy service-account token Secrets, as kube-controller-manager's token controller does: a
/// Secret of type `kubernetes.io/service-account-token` annotated with the name of an existing
/// ServiceAccount gets `data.token`, `data.ca.crt` and `data.namespace`; when a ServiceAccount is
/// deleted, the token Secrets issued for it go too.
///
/// A Secret created before its ServiceAccount waits, and is filled when the account appears.
struct ServiceAccountTokenController: ClusterController {
    let client: InProcessClient
    let signer: ServiceAccountTokenSigner
    /// The cluster CA, which pods (and `wharf cluster add`) use to trust the API server.
    let caCertificatePEM: String
    var name: String { "serviceaccount-token-controller" }

    func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask {
                await StorageFollower(store: client.store, storage: ServiceAccountTokenSecret.secrets).follow { event in
                    guard event.type != .deleted else { return }
                    await fill(event.object.object())
                } relisted: {}
            }
            group.addTask {
                await StorageFollower(store: client.store, storage: ServiceAccountTokenSecret.serviceAccounts).follow { event in
                    await serviceAccountChanged(event)
                } relisted: {}
            }
        }
    }

    private func serviceAccountChanged(_ event: WatchEvent) async {
        guard let info = try? client.resource("v1", "Secret") else { return }
        let account = event.object.object()
        let uid = account[path: ["metadata", "uid"]]?.stringValue
        for secret in await client.list(info, namespace: event.key.namespace)
        where ServiceAccountTokenSecret.serviceAccountName(of: secret) == event.key.name {
            if event.type != .deleted {
                await fill(secret)
            } else if secret[path: ["metadata", "annotations", ServiceAccountTokenSecret.uidAnnotation]]?.stringValue == uid {
                try? await client.delete(info, namespace: event.key.namespace, name: secret[path: ["metadata", "name"]]?.stringValue ?? "")
            }
        }
    }

    /// Adds what `secret` lacks, if it is a token Secret whose ServiceAccount exists.
    private func fill(_ secret: JSONValue) async {
        guard let accountName = ServiceAccountTokenSecret.serviceAccountName(of: secret), Self.lacksData(secret),
            secret[path: ["metadata", "deletionTimestamp"]] == nil,
            let namespace = secret[path: ["metadata", "namespace"]]?.stringValue,
            let secretName = secret[path: ["metadata", "name"]]?.stringValue,
            let accountInfo = try? client.resource("v1", "ServiceAccount"), let secretInfo = try? client.resource("v1", "Secret"),
            let account = await client.get(accountInfo, namespace: namespace, name: accountName),
            let uid = account[path: ["metadata", "uid"]]?.stringValue
        else { return }
        let claims = ServiceAccountTokenSigner.Claims(namespace: namespace, secretName: secretName, serviceAccountName: accountName, serviceAccountUID: uid)
        _ = try? await client.modify(secretInfo, namespace: namespace, name: secretName) { object in
            guard Self.lacksData(object) else { return }
            func encoded(_ text: String) -> JSONValue { .string(Data(text.utf8).base64EncodedString()) }
            if object[path: ["data", "token"]]?.stringValue?.isEmpty ?? true {
                object[path: ["data", "token"]] = encoded(signer.issue(claims))
                object[path: ["metadata", "annotations", ServiceAccountTokenSecret.uidAnnotation]] = .string(uid)
            }
            object[path: ["data", "ca.crt"]] = encoded(caCertificatePEM)
            object[path: ["data", "namespace"]] = encoded(namespace)
        }
    }

    private static func lacksData(_ secret: JSONValue) -> Bool {
        ["token", "ca.crt", "namespace"].contains { secret[path: ["data", $0]]?.stringValue?.isEmpty ?? true }
    }
}
