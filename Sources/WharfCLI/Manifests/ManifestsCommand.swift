import ArgumentParser
import Foundation
import KubeModel
import RepoServer

/// `wharf manifests`: prints the objects an application source generates, as
/// `argocd app manifests --source git` prints them for an equivalent application.
struct ManifestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manifests",
        abstract: "Generate the manifests of a Git path, a chart or a local directory, as the repo server does for an application.",
        discussion: """
            Examples:
              wharf manifests --repo https://github.com/argoproj/argocd-example-apps.git --path guestbook
              wharf manifests --repo file:///srv/git/apps --path charts/web --values values-prod.yaml --helm-set image.tag=v2
              wharf manifests --local ./overlays/prod --kustomize-image nginx=nginx:1.27
              wharf manifests --app application.yaml
            """
    )

    @Option(help: "The Git repository (or, with --helm-chart, the Helm repository or OCI registry).")
    var repo: String?

    @Option(help: "The branch, tag, commit or semver constraint (with --helm-chart: the chart version).")
    var revision = "HEAD"

    @Option(help: "The directory inside the repository (or inside --local).")
    var path = ""

    @Option(name: .customLong("helm-chart"), help: "A chart in the Helm repository or registry given by --repo.")
    var helmChart: String?

    @Option(help: "Render this local directory without Git (like argocd app sync --local).")
    var local: String?

    @Option(help: "An Argo CD Application YAML file whose spec.source (or spec.sources) to render.")
    var app: String?

    @Option(name: .customLong("app-name"), help: "The application name (Helm's default release name).")
    var appName = "app"

    @Option(name: .customLong("dest-namespace"), help: "The destination namespace.")
    var destNamespace = ""

    @Option(name: .customLong("cache-dir"), help: "Where mirrors and the manifest cache live (default: ~/.cache/wharf/repo-server).")
    var cacheDirectory: String?

    @Flag(name: .customLong("hard-refresh"), help: "Ignore cached manifests.")
    var hardRefresh = false

    @Option(help: "Output format: yaml or json.")
    var output = "yaml"

    @OptionGroup var options: SourceOptions

    func run() async throws {
        let (request, localDirectory) = try makeRequest()
        let cache = cacheDirectory.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/wharf/repo-server")
        let service = try RepoService(configuration: RepoServerConfiguration(cacheDirectory: cache))
        let response: ManifestResponse
        do {
            if let localDirectory {
                response = try await service.generate(request, localDirectory: localDirectory)
            } else {
                response = try await service.generate(request)
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        switch output {
        case "json":
            print(JSONWriter.string(.array(response.objects), style: .pretty(indent: 2)))
        default:
            print(YAMLWriter.string(documents: response.objects), terminator: "")
        }
    }

    /// The request the flags describe, and the local directory when rendering without Git.
    private func makeRequest() throws -> (ManifestRequest, URL?) {
        if let app {
            guard repo == nil, local == nil else { throw ValidationError("--app cannot be combined with --repo or --local") }
            return (try applicationRequest(app), nil)
        }
        var raw: JSONValue = ["repoURL": .string(repo ?? local.map { "file://" + $0 } ?? ""), "targetRevision": .string(revision)]
        if !path.isEmpty { raw["path"] = .string(path) }
        if let helmChart { raw["chart"] = .string(helmChart) }
        for (key, value) in try options.sourceFields().objectValue ?? [:] { raw[key] = value }
        guard repo != nil || local != nil else { throw ValidationError("give --repo URL, --local DIR or --app FILE") }
        let source = try sourceOrFailure(raw, field: "flags")
        return (ManifestRequest(source: source, appName: appName, namespace: destNamespace, bypassCache: hardRefresh), local.map { URL(fileURLWithPath: $0) })
    }

    private func applicationRequest(_ file: String) throws -> ManifestRequest {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let documents = try ManifestReader.readDocuments(String(decoding: data, as: UTF8.self), source: file)
        guard let application = documents.first(where: { $0["kind"]?.stringValue == "Application" }) else {
            throw ValidationError("\(file) holds no Application")
        }
        var sources: [ApplicationSource] = []
        if let single = application[path: ["spec", "source"]], !single.isNull {
            sources = [try sourceOrFailure(single, field: "spec.source")]
        } else {
            for (index, entry) in (application[path: ["spec", "sources"]]?.arrayValue ?? []).enumerated() {
                sources.append(try sourceOrFailure(entry, field: "spec.sources[\(index)]"))
            }
        }
        // The first source that renders something (ref-only sources only lend their files).
        guard let main = sources.first(where: { $0.ref == nil || !$0.path.isEmpty || $0.isChartRepository }) else {
            throw ValidationError("\(file): the Application has no source to render")
        }
        let name = application[path: ["metadata", "name"]]?.stringValue ?? appName
        let annotations = application.stringMap(at: ["metadata", "annotations"])
        return ManifestRequest(
            source: main, appName: name, namespace: application[path: ["spec", "destination", "namespace"]]?.stringValue ?? destNamespace,
            generatePaths: annotations["argocd.argoproj.io/manifest-generate-paths"] ?? "", otherSources: sources, bypassCache: hardRefresh)
    }

    private func sourceOrFailure(_ value: JSONValue, field: String) throws -> ApplicationSource {
        do {
            return try ApplicationSource(value, field: field)
        } catch {
            throw ValidationError(error.message)
        }
    }
}
