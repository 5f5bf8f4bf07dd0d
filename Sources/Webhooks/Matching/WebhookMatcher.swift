public import KubeModel

/// Decides which Applications a push should refresh, by upstream's rules.
public enum WebhookMatcher {
    /// Whether `event` may change what `application` renders.
    ///
    /// It does when one of the Application's sources (`spec.source`, `spec.sources[]`, or a source
    /// hydrator's dry source and hydrated branch) is in the pushed repository
    /// (compared as ``RepositoryURL``) and follows the pushed revision (an empty or `HEAD`
    /// `targetRevision` follows the default branch). If the Application carries
    /// `argocd.argoproj.io/manifest-generate-paths` and the payload lists changed files, one of them
    /// must also lie under one of those paths, resolved against the paths of the sources the push
    /// moved. Without a file list every matching push counts.
    public static func affects(application: KubeObject, event: PushEvent) -> Bool {
        let repositories = event.repositoryURLs.map(RepositoryURL.init)
        let moved = WatchedSource.of(application).filter { source in
            let url = RepositoryURL(source.repoURL)
            return source.follows(event) && repositories.contains { $0.isSameRepository(as: url) }
        }
        guard !moved.isEmpty else { return false }
        guard !event.changedFiles.isEmpty,
            let paths = ManifestGeneratePaths(
                annotation: application.annotation(WellKnownAnnotations.manifestGeneratePaths), sourcePaths: moved.map(\.path)
            )
        else { return true }
        return paths.containsAny(of: event.changedFiles)
    }
}
