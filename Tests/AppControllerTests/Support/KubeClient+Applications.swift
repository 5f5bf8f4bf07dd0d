import ClusterTestSupport
import KubeClient
import KubeModel

extension KubeClient {
    /// The Application `name` in the `argocd` namespace, or nil when it does not exist (or cannot be read).
    func application(_ name: String) async -> KubeObject? {
        try? await get(TestResources.applications, namespace: RunningCluster.argoNamespace, name: name)
    }

    /// `sync/health` of the Application `name` as `argocd app list` shows them (`Synced/Healthy`),
    /// or `gone` when it does not exist.
    func applicationStatus(_ name: String) async -> String {
        guard let app = await application(name) else { return "gone" }
        return "\(app[path: "status", "sync", "status"]?.stringValue ?? "")/\(app[path: "status", "health", "status"]?.stringValue ?? "")"
    }

    /// The Application's status as JSON, for the detail of a failed wait.
    func describeApplication(_ name: String) async -> String {
        guard let app = await application(name) else { return "no application \(name)" }
        return "\(name) status: \(JSONWriter.string(app["status"] ?? .null))"
    }

    /// Waits until the Application `name` has `health` and, unless nil, `sync` status; a wait that
    /// times out shows the Application's status.
    func waitForApplication(_ name: String, sync: String? = "Synced", health: String) async throws {
        let expected = "\(sync ?? "*")/\(health)"
        try await eventually("\(name) \(expected)", detail: { await describeApplication(name) }) {
            let status = await applicationStatus(name)
            return sync == nil ? status.hasSuffix("/\(health)") : status == expected
        }
    }

    /// Whether the object `name` of `resource` exists in `namespace`.
    func exists(_ resource: GroupVersionResource, namespace: String, name: String) async -> Bool {
        (try? await get(resource, namespace: namespace, name: name)) != nil
    }
}
