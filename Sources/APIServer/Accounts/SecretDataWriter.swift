import HTTPTypes
import Foundation
import KubeClient
import KubeModel

/// Changes some data keys of a Secret with a conditional write, retried on conflict, so that two
/// writers (a password change, a token issued) never undo each other.
enum SecretDataWriter {
    static let secrets = GroupVersionResource(group: "", version: "v1", resource: "secrets")

    /// Sets (`String`) or removes (nil) `changes(current)`'s keys in Secret `name`, created when missing.
    static func update(
        client: KubeClient, namespace: String, name: String, _ changes: @Sendable ([String: String]) throws(APIError) -> [String: String?]
    ) async throws(APIError) {
        for _ in 0..<5 {
            var existing: KubeObject?
            do {
                existing = try await client.get(secrets, namespace: namespace, name: name)
            } catch {
                guard error.category == .notFound else { throw APIError(kubeError: error) }
            }
            var secret = existing ?? KubeObject(apiVersion: "v1", kind: "Secret", name: name, namespace: namespace)
            if existing == nil {
                secret.setLabel("app.kubernetes.io/part-of", "argocd")
                secret["type"] = "Opaque"
            }
            var data = secret[path: "data"]?.objectValue ?? [:]
            for (key, value) in try changes(ServerSettings.decodedData(existing)) {
                data[key] = value.map { .string(Data($0.utf8).base64EncodedString()) }
            }
            secret["data"] = .object(data)
            do {
                if existing == nil {
                    _ = try await client.create(secrets, namespace: namespace, secret)
                } else {
                    _ = try await client.update(secrets, namespace: namespace, secret)
                }
                return
            } catch {
                guard error.category == .conflict || error.category == .alreadyExists else { throw APIError(kubeError: error) }
            }
        }
        throw APIError.conflict("Secret \(name) kept changing while it was being updated; try again")
    }
}
