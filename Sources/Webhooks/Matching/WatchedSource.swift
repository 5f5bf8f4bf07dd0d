import KubeModel

/// One Git location an Application reads, with the revision it follows.
struct WatchedSource: Sendable, Equatable {
    var repoURL: String
    var targetRevision: String
    var path: String

    /// The sources an Application follows: `spec.source` or every entry of `spec.sources`; for a
    /// hydrated Application the dry source and the branch hydrated manifests are pushed to (which
    /// lives in the dry source's repository), as upstream refreshes for both.
    static func of(_ application: KubeObject) -> [WatchedSource] {
        if let hydrator = application[path: "spec", "sourceHydrator"], hydrator.objectValue != nil {
            let repoURL = hydrator.payloadString("drySource", "repoURL") ?? ""
            return [
                WatchedSource(
                    repoURL: repoURL, targetRevision: hydrator.payloadString("drySource", "targetRevision") ?? "",
                    path: hydrator.payloadString("drySource", "path") ?? ""
                ),
                WatchedSource(
                    repoURL: repoURL, targetRevision: hydrator.payloadString("syncSource", "targetBranch") ?? "",
                    path: hydrator.payloadString("syncSource", "path") ?? ""
                ),
            ]
        }
        let sources = application[path: "spec", "sources"]?.arrayValue ?? []
        let chosen = sources.isEmpty ? [application[path: "spec", "source"]].compactMap(\.self) : sources
        return chosen.map { source in
            WatchedSource(
                repoURL: source.payloadString("repoURL") ?? "", targetRevision: source.payloadString("targetRevision") ?? "",
                path: source.payloadString("path") ?? ""
            )
        }
    }

    /// Whether a push to `event`'s revision moves what this source follows: an empty or `HEAD`
    /// target follows the default branch; `refs/heads/x` and `refs/tags/x` follow `x`; anything else
    /// must equal the pushed branch or tag name. Like upstream, a branch and a tag of the same name
    /// are not told apart.
    func follows(_ event: PushEvent) -> Bool {
        if targetRevision.isEmpty || targetRevision == "HEAD" { return event.touchesDefaultBranch }
        return PushEvent.revision(ofRef: targetRevision) == event.revision
    }
}
