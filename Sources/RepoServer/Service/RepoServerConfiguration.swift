public import Foundation

/// The repo server's settings, named after upstream's flags and environment variables where it has them.
public struct RepoServerConfiguration: Sendable {
    /// Where mirrors, checkouts, charts and the manifest cache live.
    public var cacheDirectory: URL
    /// How many generations run at once (`--parallelismlimit`).
    public var parallelism: Int
    /// How many external tools run at once.
    public var toolParallelism: Int
    /// How long git commands and tools may run (`ARGOCD_EXEC_TIMEOUT`).
    public var execTimeout: Duration
    /// How long a resolved revision is trusted before the remote is asked again
    /// (`--revision-cache-expiration`); refreshes and webhooks call `forgetRevisions`.
    public var revisionCacheExpiration: Duration
    /// The most bytes of generated manifests kept in memory (the rest stay on disk).
    public var memoryCacheBytes: Int
    /// Extra `kustomize build` arguments (`kustomize.buildOptions` in `argocd-cm`).
    public var kustomizeBuildOptions: [String]
    /// Bounds on what a generation may read.
    public var limits: GenerationLimits
    /// Bounds on what a checkout may extract.
    public var checkoutLimits: CheckoutLimits

    /// Settings with upstream's defaults, caching under `cacheDirectory`.
    public init(
        cacheDirectory: URL, parallelism: Int = ProcessInfo.processInfo.activeProcessorCount * 4,
        toolParallelism: Int = ProcessInfo.processInfo.activeProcessorCount * 2, execTimeout: Duration = .seconds(90),
        revisionCacheExpiration: Duration = .seconds(10), memoryCacheBytes: Int = 256 << 20, kustomizeBuildOptions: [String] = [],
        limits: GenerationLimits = GenerationLimits(), checkoutLimits: CheckoutLimits = CheckoutLimits()
    ) {
        self.cacheDirectory = cacheDirectory
        self.parallelism = parallelism
        self.toolParallelism = toolParallelism
        self.execTimeout = execTimeout
        self.revisionCacheExpiration = revisionCacheExpiration
        self.memoryCacheBytes = memoryCacheBytes
        self.kustomizeBuildOptions = kustomizeBuildOptions
        self.limits = limits
        self.checkoutLimits = checkoutLimits
    }
}
