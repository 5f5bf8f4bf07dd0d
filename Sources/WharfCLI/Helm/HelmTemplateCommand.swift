import ArgumentParser
import Foundation
import GoTemplate
import Helm
import KubeModel

/// `wharf helm template CHART`: prints what `helm template` prints for the same arguments.
struct HelmTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Render a chart's templates locally and print the manifests, like `helm template`."
    )

    @Argument(help: "A chart directory or .tgz archive.")
    var chart: String

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

    func run() throws {
        let loaded = try ChartLoader.load(path: chart)
        try HelmEngine.checkDependencies(loaded)
        let values = GoMap()
        for file in valueFiles {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read values file \(file)") }
            let document = try YAMLReader.read(String(decoding: data, as: UTF8.self), source: file)
            guard case .map(let map) = GoValueBuilder.value(document.isNull ? .object([:]) : document) else {
                throw ValidationError("values file \(file) is not a map")
            }
            HelmValues.merge(values, with: map)
        }
        for argument in set { try SetValueParser.apply(argument, to: values, typed: true) }
        for argument in setString { try SetValueParser.apply(argument, to: values, typed: false) }
        var capabilities = Capabilities.helmDefault
        if let kubeVersion { capabilities.kubeVersion = kubeVersion.hasPrefix("v") ? kubeVersion : "v" + kubeVersion }
        capabilities.apiVersions += apiVersions
        let rendered = try HelmEngine().render(loaded, values: values, options: ReleaseOptions(name: name, namespace: namespace, capabilities: capabilities))
        print(InstallOrder.templateOutput(rendered), terminator: "")
    }
}
