import ArgumentParser
import KubeModel

/// `wharf app unset NAME`: removes source overrides named by flags, as `argocd app unset` — Helm
/// value files, literal values and parameters, Kustomize name prefix/suffix, images, version,
/// namespace and replicas. What empties a `helm` or `kustomize` block removes the block.
struct AppUnsetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unset", abstract: "Unset an application's source overrides.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The application name.")
    var name: String

    @Option(help: "A Helm values file to drop (repeatable).")
    var values: [String] = []

    @Flag(name: .customLong("values-literal"), help: "Drop the literal Helm values block.")
    var valuesLiteral = false

    @Option(name: [.customShort("p"), .customLong("parameter")], help: "A Helm parameter to drop, by name (repeatable).")
    var parameters: [String] = []

    @Flag(name: .customLong("ignore-missing-value-files"), help: "Drop the Helm ignoreMissingValueFiles setting.")
    var ignoreMissingValueFiles = false

    @Flag(name: .customLong("pass-credentials"), help: "Drop the Helm passCredentials setting.")
    var passCredentials = false

    @Flag(help: "Drop the Kustomize name prefix.")
    var nameprefix = false

    @Flag(help: "Drop the Kustomize name suffix.")
    var namesuffix = false

    @Option(name: .customLong("kustomize-image"), help: "A Kustomize image override to drop, by image name (repeatable).")
    var kustomizeImages: [String] = []

    @Flag(name: .customLong("kustomize-version"), help: "Drop the Kustomize version.")
    var kustomizeVersion = false

    @Flag(name: .customLong("kustomize-namespace"), help: "Drop the Kustomize namespace.")
    var kustomizeNamespace = false

    @Option(name: .customLong("kustomize-replica"), help: "A Kustomize replica override to drop, by resource name (repeatable).")
    var kustomizeReplicas: [String] = []

    @Option(name: .customLong("source-position"), help: "Which source of a multi-source application, counting from 1.")
    var sourcePosition: Int?

    func run() async throws {
        try await reportingFailures {
            let path = APIConnection.path("/api/v1/applications", name)
            let command = self
            try await server.withAPI { api in
                var spec = try await api.call(.GET, path)["spec"] ?? .emptyObject
                var sources = spec["sources"]?.arrayValue ?? []
                let index = try command.sourceIndex(among: sources.count)
                var source = index.map { sources[$0] } ?? spec["source"] ?? .emptyObject
                guard command.unset(in: &source) else {
                    print("application '\(command.name)' has none of these set: nothing changed")
                    return
                }
                if let index {
                    sources[index] = source
                    spec["sources"] = .array(sources)
                } else {
                    spec["source"] = source
                }
                _ = try await api.call(.PUT, path + "/spec", body: spec)
                print("application '\(command.name)' updated")
            }
        }
    }

    /// Which of `count` sources to edit (nil: the single `source`).
    private func sourceIndex(among count: Int) throws -> Int? {
        guard count > 0 else {
            if let sourcePosition, sourcePosition != 1 { throw CommandFailure("--source-position \(sourcePosition): the application has one source") }
            return nil
        }
        guard let sourcePosition, (1...count).contains(sourcePosition) else {
            throw CommandFailure("the application has \(count) sources: choose one with --source-position 1...\(count)")
        }
        return sourcePosition - 1
    }

    /// Removes what the flags name from `source`; whether anything was there.
    func unset(in source: inout JSONValue) -> Bool {
        let before = source
        var helm = source["helm"] ?? .emptyObject
        if !values.isEmpty {
            let kept = (helm["valueFiles"]?.arrayValue ?? []).filter { !values.contains($0.stringValue ?? "") }
            helm["valueFiles"] = kept.isEmpty ? JSONValue?.none : .array(kept)
        }
        if valuesLiteral {
            helm["values"] = nil
            helm["valuesObject"] = nil
        }
        if !parameters.isEmpty {
            let kept = (helm["parameters"]?.arrayValue ?? []).filter { !parameters.contains($0["name"]?.stringValue ?? "") }
            helm["parameters"] = kept.isEmpty ? JSONValue?.none : .array(kept)
        }
        if ignoreMissingValueFiles { helm["ignoreMissingValueFiles"] = nil }
        if passCredentials { helm["passCredentials"] = nil }
        source["helm"] = helm == .emptyObject ? JSONValue?.none : helm

        var kustomize = source["kustomize"] ?? .emptyObject
        if nameprefix { kustomize["namePrefix"] = nil }
        if namesuffix { kustomize["nameSuffix"] = nil }
        if kustomizeVersion { kustomize["version"] = nil }
        if kustomizeNamespace { kustomize["namespace"] = nil }
        if !kustomizeImages.isEmpty {
            let names = Set(kustomizeImages.map(Self.imageName))
            let kept = (kustomize["images"]?.arrayValue ?? []).filter { !names.contains(Self.imageName($0.stringValue ?? "")) }
            kustomize["images"] = kept.isEmpty ? JSONValue?.none : .array(kept)
        }
        if !kustomizeReplicas.isEmpty {
            let kept = (kustomize["replicas"]?.arrayValue ?? []).filter { !kustomizeReplicas.contains($0["name"]?.stringValue ?? "") }
            kustomize["replicas"] = kept.isEmpty ? JSONValue?.none : .array(kept)
        }
        source["kustomize"] = kustomize == .emptyObject ? JSONValue?.none : kustomize
        return source != before
    }

    /// The image an override is for: `nginx=nginx:1.2`, `nginx:1.2` and `nginx@sha256:...` are all `nginx`.
    static func imageName(_ override: String) -> String {
        if let equals = override.firstIndex(of: "=") { return String(override[..<equals]) }
        if let at = override.firstIndex(of: "@") { return String(override[..<at]) }
        // A colon after the last slash starts the tag; one before it is a registry's port.
        let lastSlash = override.lastIndex(of: "/") ?? override.startIndex
        if let colon = override[lastSlash...].firstIndex(of: ":") { return String(override[..<colon]) }
        return override
    }
}
