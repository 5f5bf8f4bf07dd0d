import AppController
import Foundation
import HTTPTypes
import KubeClient
import KubeModel

/// `/api/v1/clusters`: the clusters applications deploy to — the cluster Secrets, and the
/// in-cluster destination — shown without any credential.
struct ClusterRoutes {
    let services: APIServices

    var routes: [APIRoute] {
        let tag = "ClusterService"
        return [
            APIRoute(.get, "/api/v1/clusters", tag: tag, summary: "List clusters (credentials never shown)", query: ["server", "name"]) { try await list($0) },
            APIRoute(.get, "/api/v1/clusters/{server}", tag: tag, summary: "Get a cluster by server URL") { request in
                let (_, view) = try await find(request.parameter("server"))
                try services.authorize(request.caller, "clusters", "get", Self.object(view))
                return .json(view)
            },
            APIRoute(.delete, "/api/v1/clusters/{server}", tag: tag, summary: "Remove a cluster (its Secret)") { request in
                let (secret, view) = try await find(request.parameter("server"))
                try services.authorize(request.caller, "clusters", "delete", Self.object(view))
                guard let secret else { throw APIError.invalid("the in-cluster destination has no Secret to remove; set cluster.inClusterEnabled: \"false\" in argocd-cm") }
                _ = try await services.cluster { () async throws(KubeError) in
                    try await services.client.delete(SecretDataWriter.secrets, namespace: services.namespace, name: secret)
                }
                return .json(.emptyObject)
            },
        ]
    }

    /// `project/server` for a project-scoped cluster, else the server URL.
    static func object(_ view: JSONValue) -> String {
        let server = view["server"]?.stringValue ?? ""
        guard let project = view["project"]?.stringValue, !project.isEmpty else { return server }
        return "\(project)/\(server)"
    }

    /// Every cluster as (Secret name, view); the in-cluster one has no Secret unless one names it.
    private func clusters() async -> [(String?, JSONValue)] {
        var result: [(String?, JSONValue)] = []
        for secret in await services.settings.secrets.list() where secret.label(ClusterSecret.typeLabel) == "cluster" {
            do throws(ClusterSecretError) {
                let cluster = try ClusterSecret(secret: secret)
                var view: JSONValue = [
                    "server": .string(cluster.server), "name": .string(cluster.name), "namespaces": .array(cluster.namespaces.map(JSONValue.string)),
                    "clusterResources": .bool(cluster.clusterResources), "labels": .object(JSONObject(uniqueKeysWithValues: cluster.labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                    "config": ["tlsClientConfig": ["insecure": .bool(cluster.configuration.cluster.insecureSkipTLSVerify)]],
                ]
                if let project = cluster.project { view["project"] = .string(project) }
                if let shard = cluster.shard { view["shard"] = .int(shard) }
                result.append((secret.name, view))
            } catch {
                result.append((secret.name, ["name": .string(secret.name), "server": "", "connectionState": ["status": "Failed", "message": .string(error.message)]]))
            }
        }
        let inCluster = services.settings.current.configMap["cluster.inClusterEnabled"]?.lowercased() != "false"
        if inCluster && !result.contains(where: { $0.1["server"]?.stringValue == ClusterSecret.inClusterServer }) {
            result.append((nil, ["server": .string(ClusterSecret.inClusterServer), "name": .string(ClusterSecret.inClusterName), "config": .emptyObject]))
        }
        return result.sorted { ($0.1["name"]?.stringValue ?? "") < ($1.1["name"]?.stringValue ?? "") }
    }

    private func find(_ server: String) async throws(APIError) -> (String?, JSONValue) {
        guard let match = await clusters().first(where: { $0.1["server"]?.stringValue == server || $0.1["name"]?.stringValue == server }) else {
            throw APIError.notFound("cluster \"\(server)\" not found")
        }
        return match
    }

    private func list(_ request: APIRequest) async throws -> APIResponse {
        let authorizer = services.settings.current.authorizer
        let server = request.queryValue("server").flatMap { $0.isEmpty ? nil : $0 }
        let name = request.queryValue("name").flatMap { $0.isEmpty ? nil : $0 }
        let items = await clusters().map(\.1).filter { view in
            (server == nil || view["server"]?.stringValue == server) && (name == nil || view["name"]?.stringValue == name)
                && authorizer.allows(request.caller, resource: "clusters", action: "get", object: Self.object(view))
        }
        return .json(["items": .array(items)])
    }
}
