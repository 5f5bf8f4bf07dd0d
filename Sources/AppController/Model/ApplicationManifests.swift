public import KubeClient
public import KubeModel
public import RepoServer
public import SyncEngine

/// What Git says an Application should deploy, as the controller renders it (every source, the
/// destination namespace filled in, tracking stamped) — for readers outside the controller such as
/// the API server's manifests and diff endpoints.
public enum ApplicationManifests {
    /// The objects `application` renders to at its target revisions, or at `revision` when given
    /// (for a single-source application), and the commit or chart version of each source.
    public static func render(
        _ application: KubeObject, revision: String? = nil, repo: RepoService, client: KubeClient, tracking: ResourceTracking = ResourceTracking()
    ) async throws(SourceError) -> (objects: [KubeObject], revisions: [String]) {
        let sync: JSONValue? = revision.flatMap { $0.isEmpty ? nil : ["revision": .string($0)] }
        let state = try await DesiredState.load(ApplicationView(object: application), repo: repo, client: client, tracking: tracking, sync: sync)
        return (state.objects, state.revisions)
    }
}
