import Foundation
public import KubeClient
import KubeModel

/// The first start's admin password, as upstream makes it: when `argocd-secret` has no
/// `admin.password`, a random one is generated, its bcrypt hash stored there, and the clear text
/// kept in Secret `argocd-initial-admin-secret` (key `password`) for the operator to read once and
/// delete.
public enum InitialAdminPassword {
    /// The Secret holding the clear-text initial password.
    public static let secretName = "argocd-initial-admin-secret"

    /// Makes sure `namespace`, the signing key and an admin password exist.
    public static func ensure(client: KubeClient, namespace: String) async throws {
        // The API server may start before the controller has made the namespace.
        do {
            _ = try await client.create(KubeObject(apiVersion: "v1", kind: "Namespace", name: namespace))
        } catch {
            guard error.category == .alreadyExists else { throw error }
        }
        _ = try await ServerSigningKey.load(client: client, namespace: namespace)
        let existing = try? await client.get(SecretDataWriter.secrets, namespace: namespace, name: SettingsWatch.secretName)
        if let hash = ServerSettings.decodedData(existing)["admin.password"], !hash.isEmpty { return }
        let password = try await initialPassword(client: client, namespace: namespace)
        let hash = try await Bcrypt.hashOffPool(Array(password.utf8))
        let changed = Date().formatted(.iso8601)
        try await SecretDataWriter.update(client: client, namespace: namespace, name: SettingsWatch.secretName) { data in
            // Another server may have set one meanwhile: theirs stands.
            if let current = data["admin.password"], !current.isEmpty { return [:] }
            return ["admin.password": hash, "admin.passwordMtime": changed]
        }
    }

    /// The password in `argocd-initial-admin-secret`, created with a fresh random one when missing.
    private static func initialPassword(client: KubeClient, namespace: String) async throws -> String {
        if let secret = try? await client.get(SecretDataWriter.secrets, namespace: namespace, name: secretName),
            let password = ServerSettings.decodedData(secret)["password"], !password.isEmpty
        {
            return password
        }
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        let password = String((0..<16).map { _ in alphabet.randomElement(using: &generator) ?? "x" })
        var secret = KubeObject(apiVersion: "v1", kind: "Secret", name: secretName, namespace: namespace)
        secret.setLabel("app.kubernetes.io/part-of", "argocd")
        secret["type"] = "Opaque"
        secret["data"] = ["password": .string(Data(password.utf8).base64EncodedString())]
        do {
            _ = try await client.create(SecretDataWriter.secrets, namespace: namespace, secret)
            return password
        } catch {
            guard error.category == .alreadyExists else { throw error }
            let winner = try await client.get(SecretDataWriter.secrets, namespace: namespace, name: secretName)
            return ServerSettings.decodedData(winner)["password"] ?? password
        }
    }
}
