import ArgumentParser
import KubeModel

/// The flags `argocd app patch-resource` and `delete-resource` use to name resources of an
/// application: a kind, and a name unless `--all` takes every managed resource of that kind.
struct AppResourceSelector: ParsableArguments {
    @Option(help: "The resource's kind, e.g. Deployment.")
    var kind: String

    @Option(name: .customLong("resource-name"), help: "The resource's name.")
    var resourceName: String?

    @Option(help: "The resource's namespace.")
    var namespace: String?

    @Option(help: "The resource's API group (empty for the core group).")
    var group: String?

    @Flag(help: "Every managed resource of the kind (and group and namespace, when given).")
    var all = false

    func validate() throws {
        guard (resourceName != nil) != all else { throw ValidationError("give either --resource-name or --all") }
    }

    /// The query of `/api/v1/applications/NAME/resource` for each selected resource of `application`.
    func queries(in application: JSONValue) throws -> [[(String, String)]] {
        let managed = application[path: ["status", "resources"]]?.arrayValue ?? []
        let selected = managed.filter { resource in
            resource["kind"]?.stringValue == kind && (resourceName.map { resource["name"]?.stringValue == $0 } ?? true)
                && (namespace.map { (resource["namespace"]?.stringValue ?? "") == $0 } ?? true)
                && (group.map { (resource["group"]?.stringValue ?? "") == $0 } ?? true)
        }
        if selected.isEmpty {
            // Not managed: it may still be something the application owns (a ReplicaSet, a Pod); the server checks.
            guard let resourceName else { throw CommandFailure("application \(application[path: ["metadata", "name"]]?.stringValue ?? "") manages no \(kind)") }
            return [[("kind", kind), ("resourceName", resourceName), ("namespace", namespace ?? ""), ("group", group ?? "")]]
        }
        return selected.map { resource in
            [
                ("kind", kind), ("resourceName", resource["name"]?.stringValue ?? ""), ("namespace", resource["namespace"]?.stringValue ?? ""),
                ("group", resource["group"]?.stringValue ?? ""), ("version", resource["version"]?.stringValue ?? ""),
            ]
        }
    }

    /// Calls `method` on `/resource` of application `name` for each selected resource, with the
    /// `extra` query parameters and `body`, printing the resource and `done` after each.
    func call(
        _ method: APIConnection.Method, application name: String, extra: [(String, String)], body: JSONValue? = nil, done: String, api: APIConnection
    ) async throws {
        let path = APIConnection.path("/api/v1/applications", name)
        for query in try queries(in: try await api.call(.GET, path)) {
            _ = try await api.call(method, path + "/resource", query: query + extra, body: body)
            print("\(Self.describe(query)) \(done)")
        }
    }

    /// How a selected resource is named in messages.
    private static func describe(_ query: [(String, String)]) -> String {
        let values = Dictionary(query, uniquingKeysWith: { first, _ in first })
        let namespace = values["namespace"].flatMap { $0.isEmpty ? nil : $0 + "/" } ?? ""
        return "\(values["kind"] ?? "") \(namespace)\(values["resourceName"] ?? "")"
    }
}
