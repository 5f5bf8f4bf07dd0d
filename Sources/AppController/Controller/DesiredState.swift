import KubeClient
import KubeModel
import RepoServer
import SyncEngine

/// What Git says an application should be: every source rendered by the repo server, namespaces
/// filled in for namespaced kinds, and every object marked with the application's tracking.
struct DesiredState: Sendable {
    /// The objects.
    var objects: [KubeObject]
    /// The commit (or chart version) of each rendering source, in source order.
    var revisions: [String]
    /// The source type of each rendering source.
    var sourceTypes: [SourceType]

    /// Renders `application` at its target revisions, or as the sync operation `sync` asks: its
    /// `revision(s)` (one per source) and, for a rollback, its `source(s)`.
    static func load(
        _ application: ApplicationView, repo: RepoService, client: KubeClient, tracking: ResourceTracking, sync: JSONValue? = nil, hardRefresh: Bool = false
    ) async throws(SourceError) -> DesiredState {
        if let manifests = sync?["manifests"]?.arrayValue, !manifests.isEmpty {
            return try await local(manifests, application: application, client: client, tracking: tracking)
        }
        var sources = if let sync { try application.sources(of: sync) } else { try application.sources() }
        if let override = sync.flatMap(Self.revisions(of:)) {
            for (index, revision) in override.enumerated() where index < sources.count && !revision.isEmpty {
                sources[index].raw["targetRevision"] = .string(revision)
                sources[index].targetRevision = revision
            }
        }
        var objects: [KubeObject] = []
        var revisions: [String] = []
        var types: [SourceType] = []
        // A source with only a ref lends its files to the others and renders nothing itself.
        for source in sources where !(source.ref != nil && source.path.isEmpty && !source.isChartRepository) {
            let request = ManifestRequest(
                source: source, appName: application.name, namespace: application.destinationNamespace,
                generatePaths: application.object.annotation(WellKnownAnnotations.manifestGeneratePaths) ?? "", otherSources: sources,
                bypassCache: hardRefresh)
            let response = try await repo.generate(request)
            revisions.append(response.revision)
            types.append(response.sourceType)
            for value in response.objects {
                guard var object = try? KubeObject(value) else { continue }
                object = await assignNamespace(object, default: application.destinationNamespace, client: client)
                objects.append(tracking.stamp(object, app: application.name))
            }
        }
        return DesiredState(objects: objects, revisions: revisions, sourceTypes: types)
    }

    /// The objects a local sync (`app sync --local`) sent, in place of Git's; the revision recorded
    /// is the one the application was at, since nothing new came from Git.
    private static func local(
        _ manifests: [JSONValue], application: ApplicationView, client: KubeClient, tracking: ResourceTracking
    ) async throws(SourceError) -> DesiredState {
        var objects: [KubeObject] = []
        for (index, manifest) in manifests.enumerated() {
            let value: JSONValue
            do {
                value = try YAMLReader.read(manifest.stringValue ?? "", source: "operation.sync.manifests[\(index)]")
            } catch {
                throw SourceError("operation.sync.manifests[\(index)] is not a Kubernetes object: \(error)")
            }
            guard let object = try? KubeObject(value) else {
                throw SourceError("operation.sync.manifests[\(index)] is not a Kubernetes object: it needs apiVersion, kind and metadata.name")
            }
            objects.append(tracking.stamp(await assignNamespace(object, default: application.destinationNamespace, client: client), app: application.name))
        }
        let revision = application.object[path: "status", "sync", "revision"]?.stringValue ?? ""
        return DesiredState(objects: objects, revisions: [revision], sourceTypes: [.directory])
    }

    /// The revisions a sync operation asks for, one per source, if it names any.
    static func revisions(of sync: JSONValue) -> [String]? {
        sync["revisions"]?.arrayValue?.compactMap(\.stringValue) ?? sync["revision"]?.stringValue.map { [$0] }
    }

    /// Namespaced objects without a namespace go to the destination namespace; cluster-scoped ones
    /// lose any namespace they were given. Kinds the cluster does not know yet are left as written.
    private static func assignNamespace(_ object: KubeObject, default namespace: String, client: KubeClient) async -> KubeObject {
        guard let resource = try? await client.discovery.resource(for: object.groupVersionKind) else { return object }
        var result = object
        if resource.namespaced {
            if (object.namespace ?? "").isEmpty { result[path: "metadata", "namespace"] = .string(namespace.isEmpty ? "default" : namespace) }
        } else if object.namespace != nil {
            result[path: "metadata", "namespace"] = nil
        }
        return result
    }
}
