import AppController
import ApplicationSets
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import RepoServer

/// An embedded cluster with the Argo CRDs and the `argocd` namespace, and the ApplicationSet
/// controller running against it while a test's body runs.
struct ControllerHarness: Sendable {
    static let namespace = "argocd"
    let client: KubeClient
    let controller: ApplicationSetController
    let scratch: URL

    /// Runs `body` with the controller running.
    static func with(_ body: @escaping @Sendable (ControllerHarness) async throws -> Void) async throws {
        let scratch = try Fixtures.scratch()
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            _ = try await client.create(
                GroupVersionResource(group: "", version: "v1", resource: "namespaces"), namespace: nil,
                KubeObject(apiVersion: "v1", kind: "Namespace", name: namespace))
            try await CRDInstaller().install(using: client)
            let controller = ApplicationSetController(namespace: namespace, client: client, repo: try Fixtures.repoService(in: scratch))
            let harness = ControllerHarness(client: client, controller: controller, scratch: scratch)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await controller.run() }
                defer { group.cancelAll() }
                try await body(harness)
            }
        }
    }

    /// Creates an ApplicationSet from YAML.
    @discardableResult
    func create(_ yaml: String) async throws -> KubeObject {
        try await client.create(ArgoCRDs.applicationSets, namespace: Self.namespace, Fixtures.applicationSet(yaml))
    }

    /// The Applications in the namespace, by name.
    func applications() async throws -> [String: KubeObject] {
        let list = try await client.list(ArgoCRDs.applications, namespace: Self.namespace)
        return Dictionary(uniqueKeysWithValues: list.items.map { ($0.name, $0) })
    }

    /// The names of the Applications that exist and are not being deleted.
    func liveApplicationNames() async throws -> [String] {
        try await applications().values.filter { !$0.isBeingDeleted }.map(\.name).sorted()
    }

    /// The ApplicationSet `name`.
    func applicationSet(_ name: String) async throws -> KubeObject {
        try await client.get(ArgoCRDs.applicationSets, namespace: Self.namespace, name: name)
    }

    /// The condition of `type` on the ApplicationSet `name`.
    func condition(_ type: String, of name: String) async throws -> JSONValue? {
        try await applicationSet(name)[path: "status", "conditions"]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }

    /// Merge-patches the Application `name`.
    func patchApplication(_ name: String, _ patch: JSONValue) async throws {
        _ = try await client.patch(ArgoCRDs.applications, namespace: Self.namespace, name: name, type: .merge, patch)
    }
}
