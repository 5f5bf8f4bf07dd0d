public import KubeClient
import KubeModel

/// Installs the `argoproj.io` definitions (``ArgoCRDs``) and the `default` AppProject, as Argo CD's
/// install manifests and API server do. Both steps are idempotent, so every start of Wharf runs them.
public struct CRDInstaller: Sendable {
    /// The field manager owning the definitions' fields.
    public static let fieldManager = "wharf"

    /// How long to wait for each definition to be served.
    public var establishTimeout: Duration

    /// An installer waiting up to `establishTimeout` for each definition.
    public init(establishTimeout: Duration = .seconds(60)) {
        self.establishTimeout = establishTimeout
    }

    /// Server-side applies every definition and returns once the API server serves them all.
    /// - Throws: ``CRDInstallError`` when a definition is not established in time or its names
    ///   are taken; ``KubeError`` when the API server refuses the definition.
    public func install(using client: KubeClient) async throws {
        for definition in ArgoCRDs.all {
            // Forced: the definitions are Wharf's, and an older copy applied by kubectl or Argo CD's
            // own manifests must not block them (upstream documents `--force-conflicts` for the same reason).
            let applied = try await client.apply(KubeObject(definition), fieldManager: Self.fieldManager, force: true)
            try await waitUntilEstablished(applied.object, using: client)
        }
        // Kinds resolve through discovery, which would otherwise not look again for a few seconds.
        await client.discovery.invalidate()
    }

    /// Creates the `default` AppProject in `namespace` (which must exist) when there is none, as
    /// upstream does. An existing one is left as its owner edited it.
    public func ensureDefaultProject(namespace: String, using client: KubeClient) async throws {
        let project = Self.defaultProject(namespace: namespace)
        // Returning nil for an existing project leaves it alone. (Creating and catching `alreadyExists`
        // with `catch ... where` would do the same, but Swift 6.3 crashes or hangs compiling that here.)
        _ = try await client.createOrUpdate(ArgoCRDs.appProjects, namespace: namespace, name: project.name) { live in
            live == nil ? project : nil
        }
    }

    /// Upstream's `default` project: any source, any destination, any kind.
    private static func defaultProject(namespace: String) -> KubeObject {
        var project = KubeObject(apiVersion: ArgoCRDs.apiVersion, kind: "AppProject", name: "default", namespace: namespace)
        project["spec"] = [
            "sourceRepos": ["*"],
            "destinations": [["server": "*", "namespace": "*"]],
            "clusterResourceWhitelist": [["group": "*", "kind": "*"]],
        ]
        return project
    }

    private func waitUntilEstablished(_ applied: KubeObject, using client: KubeClient) async throws {
        let deadline = ContinuousClock.now + establishTimeout
        var definition = applied
        while true {
            if Self.condition("Established", of: definition)?["status"] == "True" { return }
            if let names = Self.condition("NamesAccepted", of: definition), names["status"] == "False" {
                throw CRDInstallError.namesRejected(applied.name, reason: names["message"]?.stringValue ?? "no reason given")
            }
            guard ContinuousClock.now < deadline else {
                let conditions = definition[path: "status", "conditions"] ?? .array([])
                throw CRDInstallError.notEstablished(applied.name, after: establishTimeout, conditions: JSONWriter.string(conditions))
            }
            try await Task.sleep(for: .milliseconds(100))
            definition = try await client.get(ArgoCRDs.customResourceDefinitions, name: applied.name)
        }
    }

    /// The definition's status condition of `type`, if it has one yet.
    private static func condition(_ type: String, of definition: KubeObject) -> JSONValue? {
        definition[path: "status", "conditions"]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }
}
