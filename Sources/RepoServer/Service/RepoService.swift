public import Foundation
import Helm
public import KubeModel

/// Turns application sources into desired objects: resolves revisions, keeps Git mirrors and
/// checkouts, renders directories, Kustomize and Helm sources, and caches the result by everything
/// it depends on.
///
/// The fast path is the default. Revisions are resolved once for all concurrent requests; when a new
/// commit arrives, an application whose input paths (its source path, value files, Kustomize bases
/// outside it, and the paths in `manifest-generate-paths`) saw no change reuses its manifests
/// without rendering or even a checkout; identical requests share one generation; generations run in
/// parallel within and across repositories, bounded by `parallelism`.
public final class RepoService: Sendable {
    /// The settings.
    public let configuration: RepoServerConfiguration
    /// Request counts and timings, under upstream's metric names.
    public let metrics: RepoServerMetrics
    /// Repository credentials by URL.
    public let credentials: RepositoryCredentialStore
    let git: GitRepositoryCache
    private let cache: ManifestCache
    let tools: ToolRunner
    private let engine: HelmEngine
    let chartDownloads: ChartDownloadCache
    private let generationLimit: ConcurrencyLimit
    private let generations = Memo<ManifestResponse>(ttl: .zero)
    private let revisions: Memo<String>
    private let changes = Memo<[String]>(ttl: nil)
    private let escapingLinks = Memo<[String]>(ttl: nil)
    let chartPulls: Memo<ChartSource>

    /// A repo server caching under `configuration.cacheDirectory`.
    public init(configuration: RepoServerConfiguration, credentials: RepositoryCredentialStore = RepositoryCredentialStore(), metrics: RepoServerMetrics = RepoServerMetrics()) throws {
        self.configuration = configuration
        self.credentials = credentials
        self.metrics = metrics
        let directory = configuration.cacheDirectory
        git = try GitRepositoryCache(
            directory: directory.appendingPathComponent("git"), timeout: configuration.execTimeout, limits: configuration.checkoutLimits, metrics: metrics)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        cache = ManifestCache(database: try ManifestDatabase(path: directory.appendingPathComponent("manifests.sqlite")), capacity: configuration.memoryCacheBytes)
        tools = ToolRunner(parallelism: configuration.toolParallelism, timeout: configuration.execTimeout)
        engine = HelmEngine(cache: RenderCache(capacity: 256))
        chartDownloads = ChartDownloadCache(directory: directory.appendingPathComponent("charts"))
        generationLimit = ConcurrencyLimit(configuration.parallelism)
        revisions = Memo(ttl: configuration.revisionCacheExpiration)
        chartPulls = Memo(ttl: configuration.revisionCacheExpiration)
        try FileManager.default.createDirectory(at: scratchDirectory, withIntermediateDirectories: true)
    }

    /// Forgets resolved revisions of `repoURL` (of every repository when nil), so that the next request
    /// asks the remote: for webhooks and hard refreshes.
    public func forgetRevisions(of repoURL: String? = nil) async {
        await revisions.forget(prefix: repoURL.map { $0 + "\n" } ?? "")
        await chartPulls.forget(prefix: repoURL.map { $0 + "\n" } ?? "")
    }

    /// The desired objects of `request.source`.
    /// - Throws: ``SourceError`` naming the field, file or revision at fault; only this request fails.
    public func generate(_ request: ManifestRequest) async throws(SourceError) -> ManifestResponse {
        let source = request.source
        let repository = source.repoURL
        metrics.adjustPending(repo: repository, by: 1)
        var pending = true
        defer { if pending { metrics.adjustPending(repo: repository, by: -1) } }
        var commits: [String: String] = [:]
        var chart: ChartSource?
        if source.isChartRepository {
            let pulled = try await pullChart(source)
            chart = pulled
            commits[repository] = pulled.revision
        } else {
            commits[repository] = try await resolve(repository, source.revision)
        }
        let references = try referencedSources(request)
        for (name, reference) in references {
            commits["$" + name] = try await resolve(reference.repoURL, reference.revision)
        }
        let identity = identityKey(request, toolVersions: await tools.versions())
        let key = CacheKey.digest(["identity": .string(identity), "commits": .object(JSONObject(uniqueKeysWithValues: commits.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))])
        if !request.bypassCache, let record = await cache.record(key) {
            return ManifestResponse(objects: record.objects, sourceType: record.sourceType, revision: commits[repository]!, origin: .cached)
        }
        pending = false
        metrics.adjustPending(repo: repository, by: -1)
        let resolved = commits
        let pulledChart = chart
        return try await generations.value(key + (request.bypassCache ? "\nbypass" : "")) { () throws(SourceError) -> ManifestResponse in
            let previous = request.bypassCache ? nil : await self.previousRecord(identity: identity, key: key)
            if let previous, let reused = try await self.reuse(previous, request, identity: identity, key: key, commits: resolved, references: references) {
                return reused
            }
            // A plain directory that read nothing outside its path needs only that path checked out.
            let only = previous.flatMap { $0.sourceType == .directory && $0.inputs.count == 1 ? $0.inputs.first?.path : nil }
            return try await self.generationLimit.run { () async throws(SourceError) -> ManifestResponse in
                try await self.render(request, identity: identity, key: key, commits: resolved, chart: pulledChart, references: references, only: only)
            }
        }
    }

    // MARK: - Revisions

    private func resolve(_ url: String, _ revision: String) async throws(SourceError) -> String {
        let git = self.git
        let credentials = self.credentials
        return try await revisions.value("\(url)\n\(revision)") { () throws(SourceError) -> String in
            do throws(GitError) {
                return try await git.resolve(url, revision: revision, credentials: credentials.credentials(for: url).git(knownHosts: credentials.knownHosts))
            } catch {
                throw SourceError(error.message)
            }
        }
    }

    /// The other sources the request's value files refer to, by ref name.
    private func referencedSources(_ request: ManifestRequest) throws(SourceError) -> [String: ApplicationSource] {
        let names = Set((request.source.helm?.valueFiles ?? []).filter { $0.hasPrefix("$") }.map { String($0.dropFirst().prefix { $0 != "/" }) })
        var result: [String: ApplicationSource] = [:]
        for name in names.sorted() {
            guard let source = request.otherSources.first(where: { $0.ref == name }) else {
                throw SourceError("spec.source.helm.valueFiles refers to $\(name), but no source of the application has ref: \(name)")
            }
            if source.isChartRepository { throw SourceError("the source with ref \(name) is a Helm chart; $\(name) value files must come from a Git source") }
            result[name] = source
        }
        return result
    }

    // MARK: - Change detection

    /// The previous generation of the same source carried over to `commits`, when no repository it
    /// read changed under any of its input paths between the two.
    /// The last generation of the same source at other commits.
    private func previousRecord(identity: String, key: String) async -> ManifestRecord? {
        guard let previousKey = await cache.latestKey(identity), previousKey != key else { return nil }
        return await cache.record(previousKey)
    }

    private func reuse(
        _ previous: ManifestRecord, _ request: ManifestRequest, identity: String, key: String, commits: [String: String], references: [String: ApplicationSource]
    ) async throws(SourceError) -> ManifestResponse? {
        guard Set(previous.commits.keys) == Set(commits.keys) else { return nil }
        let inputs = previous.inputs.union(try annotationInputs(request))
        for (repository, oldCommit) in previous.commits {
            let newCommit = commits[repository]!
            if oldCommit == newCommit { continue }
            guard !request.source.isChartRepository || repository != request.source.repoURL else { return nil }
            let url = repository.hasPrefix("$") ? references[String(repository.dropFirst())]!.repoURL : repository
            let changed = try await changedFiles(url, from: oldCommit, to: newCommit)
            let watched = inputs.filter { $0.repository == repository }
            if changed.contains(where: { file in watched.contains { $0.covers(file) } }) { return nil }
        }
        let record = ManifestRecord(commits: commits, sourceType: previous.sourceType, inputs: previous.inputs, objects: previous.objects)
        await cache.store(record, key: key, identity: identity)
        return ManifestResponse(objects: record.objects, sourceType: record.sourceType, revision: commits[request.source.repoURL]!, origin: .reused)
    }

    private func changedFiles(_ url: String, from: String, to: String) async throws(SourceError) -> [String] {
        let git = self.git
        let credentials = self.credentials
        return try await changes.value("\(url)\n\(from)..\(to)") { () throws(SourceError) -> [String] in
            do throws(GitError) {
                let gitCredentials = credentials.credentials(for: url).git(knownHosts: credentials.knownHosts)
                try await git.ensureCommit(url, commit: from, credentials: gitCredentials)
                try await git.ensureCommit(url, commit: to, credentials: gitCredentials)
                return try await git.changedFiles(url, from: from, to: to)
            } catch {
                throw SourceError(error.message)
            }
        }
    }

    /// The paths of the `manifest-generate-paths` annotation, relative to the source path unless they
    /// start with `/`.
    private func annotationInputs(_ request: ManifestRequest) throws(SourceError) -> Set<InputPath> {
        var inputs: Set<InputPath> = []
        for entry in request.generatePaths.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let absolute = entry.hasPrefix("/")
            var parts: [Substring] = absolute ? [] : request.source.path.split(separator: "/")
            for component in entry.split(separator: "/") {
                if component == "." { continue }
                if component == ".." {
                    guard !parts.isEmpty else { throw SourceError("metadata.annotations[argocd.argoproj.io/manifest-generate-paths]: \(entry) leads outside the repository") }
                    parts.removeLast()
                } else {
                    parts.append(component)
                }
            }
            inputs.insert(InputPath(repository: request.source.repoURL, path: parts.joined(separator: "/")))
        }
        return inputs
    }

    // MARK: - Rendering

    private func render(
        _ request: ManifestRequest, identity: String, key: String, commits: [String: String], chart: ChartSource?, references: [String: ApplicationSource],
        only: String?
    ) async throws(SourceError) -> ManifestResponse {
        let source = request.source
        let root: RepositoryRoot
        let path: String
        if let chart {
            root = RepositoryRoot(chart.directory)
            path = chart.chartPath
        } else {
            let commit = commits[source.repoURL]!
            var checkout = try await checkout(source.repoURL, commit, only: only)
            if only != nil, needsWholeRepository(source, in: checkout, path: only!) {
                // The source stopped being a plain directory: it may read anywhere now.
                checkout = try await self.checkout(source.repoURL, commit)
            }
            root = checkout
            path = try await sourcePath(source, in: root, commit: commit)
        }
        var referenced: [String: ReferencedCheckout] = [:]
        for (name, reference) in references {
            referenced[name] = ReferencedCheckout(root: try await checkout(reference.repoURL, commits["$" + name]!))
        }
        let (type, generation) = try await run(request, root: root, path: path, references: referenced)
        metrics.recordGeneration(type)
        let record = ManifestRecord(commits: commits, sourceType: type, inputs: generation.inputs, objects: generation.objects)
        await cache.store(record, key: key, identity: identity)
        return ManifestResponse(objects: generation.objects, sourceType: type, revision: commits[source.repoURL]!, origin: .generated)
    }

    /// Renders the source at `path` of `root` with the generator its type calls for.
    private func run(_ request: ManifestRequest, root: RepositoryRoot, path: String, references: [String: ReferencedCheckout]) async throws(SourceError)
        -> (SourceType, Generation)
    {
        let directory = path.isEmpty ? root.url : root.url.appendingPathComponent(path)
        let context = GenerationContext(
            source: request.source, root: root, path: path, directory: directory, request: request, references: references, tools: tools,
            limits: configuration.limits, scratch: scratchDirectory)
        let type = try SourceType.of(request.source, in: directory)
        switch type {
        case .directory: return (type, try await DirectoryGenerator.generate(context))
        case .kustomize: return (type, try await KustomizeGenerator.generate(context, buildOptions: configuration.kustomizeBuildOptions))
        case .helm: return (type, try await HelmGenerator.generate(context, engine: engine))
        }
    }

    /// The desired objects of `request.source` read from a local directory instead of Git (upstream's
    /// `argocd app sync --local`): `source.path` is taken inside `directory`, nothing is cached, and
    /// `$ref` value files are not available.
    public func generate(_ request: ManifestRequest, localDirectory directory: URL) async throws(SourceError) -> ManifestResponse {
        let root = RepositoryRoot(directory)
        let resolved = try root.resolve(request.source.path, field: "path")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SourceError("\(resolved.url.path) is not a directory")
        }
        let prefix = resolved.relative.isEmpty ? "" : resolved.relative + "/"
        if let link = root.escapingLinks().first(where: { resolved.relative.isEmpty || $0.hasPrefix(prefix) }) {
            throw SourceError("\(link) is a symbolic link that leads outside \(directory.path); links must stay inside it")
        }
        let (type, generation) = try await run(request, root: root, path: resolved.relative, references: [:])
        return ManifestResponse(objects: generation.objects, sourceType: type, revision: "", origin: .generated)
    }

    private func checkout(_ url: String, _ commit: String, only path: String? = nil) async throws(SourceError) -> RepositoryRoot {
        do {
            let gitCredentials = credentials.credentials(for: url).git(knownHosts: credentials.knownHosts)
            return RepositoryRoot(try await git.checkout(url, commit: commit, credentials: gitCredentials, only: path))
        } catch {
            throw SourceError(error.message)
        }
    }

    /// Whether a partial checkout of `path` is not enough: the source is no longer a plain directory,
    /// or it has jsonnet files, whose imports reach outside.
    private func needsWholeRepository(_ source: ApplicationSource, in root: RepositoryRoot, path: String) -> Bool {
        let directory = root.url.appendingPathComponent(path)
        guard (try? SourceType.of(source, in: directory)) == .directory else { return true }
        let files = FileManager.default.enumerator(atPath: directory.path)
        while let file = files?.nextObject() as? String {
            if file.hasSuffix(".jsonnet") { return true }
        }
        return false
    }

    /// The source path, checked: inside the repository, an existing directory, and with no symbolic
    /// link under it that leads outside the repository.
    private func sourcePath(_ source: ApplicationSource, in root: RepositoryRoot, commit: String) async throws(SourceError) -> String {
        let resolved = try root.resolve(source.path, field: "spec.source.path")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SourceError("spec.source.path: \(source.path) does not exist in \(GitRepositoryCache.redacted(source.repoURL)) at \(source.revision) (\(commit)); fix the path or the revision")
        }
        let links = try await escapingLinks.value(root.url.path) { () throws(SourceError) -> [String] in root.escapingLinks() }
        let prefix = resolved.relative.isEmpty ? "" : resolved.relative + "/"
        if let link = links.first(where: { resolved.relative.isEmpty || $0.hasPrefix(prefix) }) {
            throw SourceError("\(link) is a symbolic link that leads outside the repository; links must stay inside it")
        }
        return resolved.relative
    }

    // MARK: - Keys

    /// Everything a generation depends on except the commits: the source (revision aside, since
    /// the commit stands for it), the application facts it renders with, the referenced sources, and
    /// the versions of Wharf's generators and the external tools.
    private func identityKey(_ request: ManifestRequest, toolVersions: String) -> String {
        func withoutRevision(_ source: ApplicationSource) -> JSONValue {
            var raw = source.raw
            if !source.isChartRepository { raw["targetRevision"] = nil }
            return raw
        }
        let references = request.otherSources.filter { $0.ref != nil }.map(withoutRevision)
        return CacheKey.digest([
            "source": withoutRevision(request.source), "app": .string(request.appName), "namespace": .string(request.namespace),
            "kubeVersion": .string(request.kubeVersion), "apiVersions": .array(request.apiVersions.map(JSONValue.string)),
            "references": .array(references), "kustomizeBuildOptions": .array(configuration.kustomizeBuildOptions.map(JSONValue.string)),
            "generator": .string(Self.generatorVersion), "tools": .string(toolVersions),
        ])
    }

    /// Changes whenever generation itself changes in a way that alters output, so that old cache
    /// entries on disk are not used by a newer Wharf.
    static let generatorVersion = "wharf-repo-server/1"

    private var scratchDirectory: URL { configuration.cacheDirectory.appendingPathComponent("tmp") }
}
