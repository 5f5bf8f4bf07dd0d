import Foundation
import KubeClient
import KubeModel
import SyncEngine

extension ApplicationController {
    /// Every metric of the controller in the Prometheus text format, under upstream's names:
    /// `argocd_app_info` (one series per application), `argocd_app_reconcile`,
    /// `argocd_app_sync_total`, `argocd_app_k8s_request_total` (per verb, resource and answer —
    /// counted per client, not per application as upstream does), `argocd_cluster_api_resource_objects`,
    /// `argocd_cluster_cache_age_seconds`, `argocd_cluster_connection_status`, `argocd_cluster_info` and the work queues' `workqueue_depth`.
    public func metricsExposition() async -> String {
        let server = ClusterSecret.inClusterServer
        var lines: [String] = ["# HELP argocd_app_info Information about application.", "# TYPE argocd_app_info gauge"]
        for object in await applicationInformer.list().sortedByName() {
            let app = ApplicationView(object: object)
            let labels = [
                ("name", app.name), ("namespace", app.namespace), ("project", app.project),
                ("repo", object[path: "spec", "source", "repoURL"]?.stringValue ?? object[path: "spec", "sources"]?.arrayValue?.first?["repoURL"]?.stringValue ?? ""),
                ("dest_server", app.destinationServer ?? app.destinationName ?? ""), ("dest_namespace", app.destinationNamespace),
                ("sync_status", object[path: "status", "sync", "status"]?.stringValue ?? ""),
                ("health_status", object[path: "status", "health", "status"]?.stringValue ?? ""),
                ("operation", app.operation == nil ? "" : "sync"),
                ("autosync_enabled", app.automated == nil ? "false" : "true"),
            ]
            lines.append("argocd_app_info{\(Self.labels(labels))} 1")
        }
        lines.append("# HELP argocd_app_k8s_request_total Number of Kubernetes requests executed during application reconciliation.")
        lines.append("# TYPE argocd_app_k8s_request_total counter")
        let requests = client.metrics.requests.sorted { ($0.key.verb, $0.key.resource, $0.key.statusCode) < ($1.key.verb, $1.key.resource, $1.key.statusCode) }
        for (key, count) in requests {
            let labels = [("server", server), ("verb", key.verb), ("resource_kind", key.resource), ("response_code", String(key.statusCode))]
            lines.append("argocd_app_k8s_request_total{\(Self.labels(labels))} \(count)")
        }
        let connections = await clusters.activeConnections()
        lines.append("# HELP argocd_cluster_api_resource_objects Number of k8s resource objects in the cache.")
        lines.append("# TYPE argocd_cluster_api_resource_objects gauge")
        for connection in connections {
            lines.append("argocd_cluster_api_resource_objects{\(Self.labels([("server", connection.server)]))} \(await connection.cache.objectCount)")
        }
        lines.append("# HELP argocd_cluster_cache_age_seconds Cluster cache age in seconds.")
        lines.append("# TYPE argocd_cluster_cache_age_seconds gauge")
        for connection in connections {
            let age = await connection.cache.syncedAt.map { (ContinuousClock.now - $0).components.seconds } ?? 0
            lines.append("argocd_cluster_cache_age_seconds{\(Self.labels([("server", connection.server)]))} \(age)")
        }
        var states: [ClusterState] = []
        for state in await clusters.clusterStates() where await handlesCluster(server: state.server) { states.append(state) }
        lines.append("# HELP argocd_cluster_connection_status The k8s cluster current connection status.")
        lines.append("# TYPE argocd_cluster_connection_status gauge")
        for state in states {
            lines.append("argocd_cluster_connection_status{\(Self.labels([("server", state.server), ("k8s_version", state.version)]))} \(state.connected ? 1 : 0)")
        }
        lines.append("# HELP argocd_cluster_info Information about cluster.")
        lines.append("# TYPE argocd_cluster_info gauge")
        for state in states {
            lines.append("argocd_cluster_info{\(Self.labels([("name", state.name), ("server", state.server), ("k8s_version", state.version)]))} 1")
        }
        lines.append("# HELP workqueue_depth Current depth of workqueue.")
        lines.append("# TYPE workqueue_depth gauge")
        lines.append("workqueue_depth{name=\"app_operation_processing_queue\"} \(await operationQueue.count)")
        lines.append("workqueue_depth{name=\"app_reconciliation_queue\"} \(await refreshQueue.count)")
        return metrics.exposition() + lines.joined(separator: "\n") + "\n"
    }

    /// Prometheus labels, values escaped as the text format requires.
    private static func labels(_ pairs: [(String, String)]) -> String {
        pairs.map { name, value in
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            return "\(name)=\"\(escaped)\""
        }.joined(separator: ",")
    }
}
