/// A request for the desired objects of one application source.
public struct ManifestRequest: Sendable {
    /// The source to render.
    public var source: ApplicationSource
    /// The application's name (Helm's default release name).
    public var appName: String
    /// The destination namespace (Helm's release namespace, unless `helm.namespace` is set).
    public var namespace: String
    /// The destination cluster's version for `.Capabilities.KubeVersion` ("" for Helm's default).
    public var kubeVersion: String
    /// The destination cluster's API versions for `.Capabilities.APIVersions` (empty for Helm's defaults).
    public var apiVersions: [String]
    /// The application's `argocd.argoproj.io/manifest-generate-paths` annotation: more paths (`;`
    /// separated, relative to the source path, or from the repository root with a leading `/`) whose
    /// change means the application must be generated again.
    public var generatePaths: String
    /// The application's other sources, for `$ref/...` value files.
    public var otherSources: [ApplicationSource]
    /// Skips the manifest cache (a hard refresh); the result still refreshes the cache.
    public var bypassCache: Bool

    /// A request for `source` rendered for the application `appName`.
    public init(
        source: ApplicationSource, appName: String, namespace: String = "", kubeVersion: String = "", apiVersions: [String] = [],
        generatePaths: String = "", otherSources: [ApplicationSource] = [], bypassCache: Bool = false
    ) {
        self.source = source
        self.appName = appName
        self.namespace = namespace
        self.kubeVersion = kubeVersion
        self.apiVersions = apiVersions
        self.generatePaths = generatePaths
        self.otherSources = otherSources
        self.bypassCache = bypassCache
    }
}
