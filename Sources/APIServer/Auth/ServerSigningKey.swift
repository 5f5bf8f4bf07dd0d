public import Crypto
import Foundation
public import KubeClient
import KubeModel

/// The key the API server signs tokens with: `server.secretkey` in Secret `argocd-secret`, as
/// upstream keeps it. The key is the value's bytes. When there is none yet it is made as upstream
/// makes it (32 random bytes, base64-encoded so that it can be typed into JWT tools) and stored, so
/// that the tokens issued here and a later API server agree.
public enum ServerSigningKey {
    /// The Secret holding the key.
    public static let secretName = "argocd-secret"
    /// The Secret's data key.
    public static let dataKey = "server.secretkey"

    private static let secrets = GroupVersionResource(group: "", version: "v1", resource: "secrets")

    /// The key of `namespace`, if one has been made (tokens can only be checked against an existing key).
    public static func existing(client: KubeClient, namespace: String) async throws -> SymmetricKey? {
        do {
            let secret = try await client.get(secrets, namespace: namespace, name: secretName)
            guard let encoded = secret[path: "data", dataKey]?.stringValue, let bytes = Data(base64Encoded: encoded), !bytes.isEmpty else { return nil }
            return SymmetricKey(data: bytes)
        } catch {
            if error.category == .notFound { return nil }
            throw error
        }
    }

    /// The key of `namespace`, created when missing. Concurrent creators agree on one key: writes are
    /// conditional, and a lost race reads the winner's key.
    public static func load(client: KubeClient, namespace: String) async throws -> SymmetricKey {
        for _ in 0..<5 {
            var secret: KubeObject?
            do {
                secret = try await client.get(secrets, namespace: namespace, name: secretName)
            } catch {
                guard error.category == .notFound else { throw error }
            }
            if let encoded = secret?[path: "data", dataKey]?.stringValue, let bytes = Data(base64Encoded: encoded), !bytes.isEmpty {
                return SymmetricKey(data: bytes)
            }
            let value = Data(Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString().utf8)
            do {
                if var existing = secret {
                    // The live resourceVersion makes this conditional: another writer's change is not overwritten.
                    existing[path: "data", dataKey] = .string(value.base64EncodedString())
                    _ = try await client.update(secrets, namespace: namespace, existing)
                } else {
                    var created = KubeObject(apiVersion: "v1", kind: "Secret", name: secretName, namespace: namespace)
                    created.setLabel("app.kubernetes.io/part-of", "argocd")
                    created["type"] = "Opaque"
                    created["data"] = [dataKey: .string(value.base64EncodedString())]
                    _ = try await client.create(secrets, namespace: namespace, created)
                }
                return SymmetricKey(data: value)
            } catch {
                guard error.category == .conflict || error.category == .alreadyExists else { throw error }
            }
        }
        throw APIError.conflict("Secret \(secretName) in namespace \(namespace) kept changing while its \(dataKey) was being set; try again")
    }
}
