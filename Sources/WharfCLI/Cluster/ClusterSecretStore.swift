import AppController
import Foundation
import KubeClient
import KubeModel

/// The cluster Secrets of the control namespace, read and written as upstream's cluster API does:
/// found by server or by name, and never overwritten with different content unless asked to.
struct ClusterSecretStore {
    let client: KubeClient
    let namespace: String

    static let secrets = GroupVersionResource(group: "", version: "v1", resource: "secrets")

    /// What ``save(_:upsert:)`` did.
    enum Outcome {
        case created, updated, unchanged
    }

    /// Every cluster Secret, by name.
    func all() async throws -> [KubeObject] {
        let selector = "\(ClusterSecret.typeLabel)=cluster"
        return try await client.list(Self.secrets, namespace: namespace, options: ListOptions(labelSelector: selector)).items
            .sorted { $0.name < $1.name }
    }

    /// The Secret whose server is `serverOrName`, else the one with that cluster name.
    func find(_ serverOrName: String) async throws -> KubeObject? {
        let secrets = try await all()
        let trimmed = Self.trimmedServer(serverOrName)
        return secrets.first { Self.value($0, "server").map(Self.trimmedServer) == trimmed }
            ?? secrets.first { Self.value($0, "name") == serverOrName }
    }

    /// Writes `secret` (with its values in `data`), or leaves an identical one alone. A Secret for the
    /// same server with other values is replaced only with `upsert`, keeping its name.
    /// - Throws: ``CommandFailure`` with upstream's message when the content differs without `upsert`.
    func save(_ secret: KubeObject, upsert: Bool) async throws -> Outcome {
        let server = Self.value(secret, "server") ?? ""
        guard var existing = try await find(server), Self.value(existing, "server").map(Self.trimmedServer) == Self.trimmedServer(server) else {
            try await create(secret)
            return .created
        }
        let differences = Self.differences(existing, secret)
        if differences.isEmpty { return .unchanged }
        guard upsert else {
            let keys = differences.map { "\"\($0)\"" }.joined(separator: ", ")
            throw CommandFailure(
                "existing cluster spec is different; use upsert flag to force update; difference in keys \(keys) (Secret \(namespace)/\(existing.name))")
        }
        existing["data"] = secret["data"]
        existing["stringData"] = nil
        existing[path: "metadata", "labels"] = secret[path: "metadata", "labels"]
        existing[path: "metadata", "annotations"] = secret[path: "metadata", "annotations"]
        _ = try await client.update(Self.secrets, namespace: namespace, existing)
        return .updated
    }

    private func create(_ secret: KubeObject) async throws {
        do {
            _ = try await client.create(Self.secrets, namespace: namespace, secret)
        } catch {
            guard error.category == .notFound else { throw error }
            throw CommandFailure(
                "namespace \(namespace) does not exist in the control cluster; create it (kubectl create namespace \(namespace)) or pass --namespace")
        }
    }

    /// The decoded value of a Secret key (`stringData` wins over `data`, as the API server merges them).
    static func value(_ secret: KubeObject, _ key: String) -> String? {
        if let text = secret[path: "stringData", key]?.stringValue { return text }
        guard let encoded = secret[path: "data", key]?.stringValue else { return nil }
        return Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `secret` with every `stringData` value moved into `data`, as the API server stores it.
    static func normalized(_ secret: KubeObject) -> KubeObject {
        var result = secret
        for (key, value) in secret[path: "stringData"]?.objectValue ?? [:] {
            result[path: "data", key] = value.stringValue.map { .string(Data($0.utf8).base64EncodedString()) }
        }
        result["stringData"] = nil
        return result
    }

    /// The keys (and `labels`/`annotations`) whose values differ; `config` is compared as JSON.
    private static func differences(_ existing: KubeObject, _ desired: KubeObject) -> [String] {
        let keys = Set((existing[path: "data"]?.objectValue ?? [:]).keys).union((desired[path: "data"]?.objectValue ?? [:]).keys)
        var different = keys.sorted().filter { key in
            let (old, new) = (value(existing, key), value(desired, key))
            if key == "config", let old, let new, let oldJSON = try? JSONParser.parse(old), let newJSON = try? JSONParser.parse(new) {
                return oldJSON != newJSON
            }
            return old != new
        }
        if existing.labels != desired.labels { different.append("labels") }
        if existing.annotations != desired.annotations { different.append("annotations") }
        return different
    }

    private static func trimmedServer(_ server: String) -> String {
        server.hasSuffix("/") ? String(server.dropLast()) : server
    }
}
