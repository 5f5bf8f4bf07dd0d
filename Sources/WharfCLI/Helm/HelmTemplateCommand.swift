import ArgumentParser
import Foundation
import Helm

/// `wharf helm template CHART`: prints what `helm template` prints for the same arguments.
struct HelmTemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Render a chart's templates locally and print the manifests, like `helm template`."
    )

    @Argument(help: "A chart directory or .tgz archive, an oci:// reference, or with --repo the chart's name in the repository.")
    var chart: String

    @Option(help: "A chart repository URL to pull the chart from (its index.yaml lists the charts).")
    var repo: String?

    @Option(help: "With --repo: the chart version or a constraint such as ^1.2 (default: the newest stable); with oci://: the tag.")
    var version = ""

    @Option(help: "With --repo or oci://: the user name.")
    var username: String?

    @Option(help: "With --repo or oci://: the password.")
    var password: String?

    @Option(name: .customLong("ca-file"), help: "With --repo or oci://: PEM certificates of the authorities to trust for TLS.")
    var caFile: String?

    @Flag(name: .customLong("insecure-skip-tls-verify"), help: "With --repo or oci://: accept any server certificate.")
    var insecureSkipTLSVerify = false

    @Flag(name: .customLong("plain-http"), help: "With oci://: talk HTTP instead of HTTPS to the registry.")
    var plainHTTP = false

    @Option(help: "The release name.")
    var name = "release-name"

    @Option(help: "The release namespace.")
    var namespace = "default"

    @Option(name: [.customShort("f"), .customLong("values")], help: "A values file (repeatable; later files win).")
    var valueFiles: [String] = []

    @Option(help: "Set a value: key=value[,key=value] (repeatable).")
    var set: [String] = []

    @Option(name: .customLong("set-string"), help: "Set a string value: key=value[,key=value] (repeatable).")
    var setString: [String] = []

    @Option(name: .customLong("kube-version"), help: "The Kubernetes version for .Capabilities.KubeVersion.")
    var kubeVersion: String?

    @Option(name: [.customShort("a"), .customLong("api-versions")], help: "An API version for .Capabilities.APIVersions (repeatable).")
    var apiVersions: [String] = []

    func run() async throws {
        let loaded = try await loadChart()
        try HelmEngine.checkDependencies(loaded)
        var files: [(name: String, text: String)] = []
        for file in valueFiles {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read values file \(file)") }
            files.append((file, String(decoding: data, as: UTF8.self)))
        }
        let values = try HelmValues.userValues(valueFiles: files, set: set, setString: setString)
        var capabilities = Capabilities.helmDefault
        if let kubeVersion { capabilities.kubeVersion = kubeVersion.hasPrefix("v") ? kubeVersion : "v" + kubeVersion }
        capabilities.apiVersions += apiVersions
        let rendered = try HelmEngine().render(loaded, values: values, options: ReleaseOptions(name: name, namespace: namespace, capabilities: capabilities))
        print(InstallOrder.templateOutput(rendered), terminator: "")
    }

    /// The chart from disk, or pulled from an OCI registry or `--repo` through the download cache in
    /// `~/.cache/wharf/charts`.
    private func loadChart() async throws -> Chart {
        let isOCI = chart.hasPrefix("oci://")
        if repo == nil && !isOCI { return try ChartLoader.load(path: chart) }
        var caCertificates: String?
        if let caFile {
            guard let data = FileManager.default.contents(atPath: caFile) else { throw ValidationError("cannot read CA file \(caFile)") }
            caCertificates = String(decoding: data, as: UTF8.self)
        }
        let options = RepositoryOptions(
            username: username, password: password, caCertificatesPEM: caCertificates, insecureSkipTLSVerify: insecureSkipTLSVerify, plainHTTP: plainHTTP)
        let cache = ChartDownloadCache(directory: FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/wharf/charts"))
        if isOCI {
            return try await OCIChartRegistry(options: options, cache: cache).pull(try OCIReference(chart, version: version.isEmpty ? nil : version)).load()
        }
        guard let repo else { throw ValidationError("give --repo, or an oci:// reference") }
        return try await HTTPChartRepository(url: repo, options: options, cache: cache).pull(chart: chart, version: version).load()
    }
}
