import Foundation
import GoTemplate
import Helm
import KubeModel

/// Helm sources: the chart in the source path rendered in-process by the Helm engine with the
/// Application's values — value files in order, then `values`/`valuesObject`, then `parameters` and
/// `fileParameters` — and its CRDs first unless `skipCrds`, as `helm template --include-crds` prints.
enum HelmGenerator {
    static func generate(_ context: GenerationContext, engine: HelmEngine) async throws(SourceError) -> Generation {
        let helm = context.source.helm
        var inputs: Set<InputPath> = [context.input(context.path)]
        let chart: Chart
        do {
            chart = try ChartLoader.load(path: context.directory.path)
            try HelmEngine.checkDependencies(chart)
        } catch {
            throw SourceError(hidden(error.description, context))
        }
        var files: [(name: String, text: String)] = []
        for valueFile in helm?.valueFiles ?? [] {
            guard let (text, input) = try read(valueFile, field: "spec.source.helm.valueFiles", context: context, optional: helm?.ignoreMissingValueFiles ?? false)
            else { continue }
            files.append((valueFile, text))
            inputs.insert(input)
        }
        if let object = helm?.valuesObject {
            files.append(("spec.source.helm.valuesObject", JSONWriter.string(object)))
        } else if let text = helm?.values, !text.isEmpty {
            files.append(("spec.source.helm.values", text))
        }
        let values: GoMap
        do {
            values = try HelmValues.userValues(
                valueFiles: files, set: helm?.parameters.filter { !$0.forceString }.map { "\($0.name)=\($0.value)" } ?? [],
                setString: helm?.parameters.filter(\.forceString).map { "\($0.name)=\($0.value)" } ?? [])
        } catch {
            throw SourceError(error.description)
        }
        for parameter in helm?.fileParameters ?? [] {
            guard let (text, input) = try read(parameter.path, field: "spec.source.helm.fileParameters[\(parameter.name)]", context: context, optional: false)
            else { continue }
            inputs.insert(input)
            HelmValues.merge(values, with: nested(parameter.name, .string(text)))
        }
        var capabilities = Capabilities.helmDefault
        let kubeVersion = helm.map(\.kubeVersion).flatMap { $0.isEmpty ? nil : $0 } ?? context.request.kubeVersion
        if !kubeVersion.isEmpty { capabilities.kubeVersion = kubeVersion.hasPrefix("v") ? kubeVersion : "v" + kubeVersion }
        let apiVersions = helm.map(\.apiVersions).flatMap { $0.isEmpty ? nil : $0 } ?? context.request.apiVersions
        for version in apiVersions where !capabilities.apiVersions.contains(version) { capabilities.apiVersions.append(version) }
        let releaseName = helm.map(\.releaseName).flatMap { $0.isEmpty ? nil : $0 } ?? context.request.appName
        let namespace = helm.map(\.namespace).flatMap { $0.isEmpty ? nil : $0 } ?? (context.request.namespace.isEmpty ? "default" : context.request.namespace)
        let rendered: [String: String]
        do {
            rendered = try engine.render(chart, values: values, options: ReleaseOptions(name: releaseName, namespace: namespace, capabilities: capabilities))
        } catch {
            throw SourceError(hidden(error.description, context))
        }
        var objects: [JSONValue] = []
        if !(helm?.skipCrds ?? false) {
            for file in crds(of: chart) {
                objects += try DirectoryGenerator.objectsIn(file.text, shownAs: "\(chart.name)/\(file.path)")
            }
        }
        for manifest in InstallOrder.manifests(rendered) {
            objects += try DirectoryGenerator.objectsIn(manifest.content, shownAs: manifest.source)
        }
        return Generation(objects: objects, inputs: inputs)
    }

    /// A value file's text and input path: `$ref/path` in a referenced source, otherwise relative to
    /// the source path; nil when it is missing and missing files are allowed.
    private static func read(_ name: String, field: String, context: GenerationContext, optional: Bool) throws(SourceError)
        -> (String, InputPath)?
    {
        if name.hasPrefix("http://") || name.hasPrefix("https://") {
            throw SourceError("\(field): \(name): value files from URLs are not supported; commit the file to a repository and reference it with $ref")
        }
        var root = context.root
        var base = context.path
        var relative = name
        var repository = context.source.repoURL
        if name.hasPrefix("$") {
            let reference = String(name.dropFirst().prefix { $0 != "/" })
            guard let checkout = context.references[reference] else {
                throw SourceError("\(field): \(name) refers to a source with ref \"\(reference)\", but no source of the application has that ref")
            }
            root = checkout.root
            base = ""
            relative = String(name.dropFirst(reference.count + 1).drop { $0 == "/" })
            repository = "$" + reference
        }
        let resolved = try root.resolve(relative, relativeTo: base, field: "\(field): \(name)")
        guard FileManager.default.fileExists(atPath: resolved.url.path) else {
            if optional { return nil }
            throw SourceError("\(field): \(name) does not exist in the repository; fix the path or set ignoreMissingValueFiles")
        }
        let data = try context.read(resolved.url, shownAs: name)
        return (String(decoding: data, as: UTF8.self), InputPath(repository: repository, path: resolved.relative))
    }

    /// `{a: {b: value}}` for the path `a.b` (`\.` keeps a dot in a key), as `--set-file` nests it.
    private static func nested(_ path: String, _ value: GoValue) -> GoMap {
        var keys: [String] = [""]
        var escaped = false
        for character in path {
            if escaped {
                keys[keys.count - 1].append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "." {
                keys.append("")
            } else {
                keys[keys.count - 1].append(character)
            }
        }
        var current = value
        for key in keys.reversed() { current = .map(GoMap([key: current])) }
        guard case .map(let map) = current else { return GoMap() }
        return map
    }

    /// The chart's and its subcharts' `crds/` manifests.
    private static func crds(of chart: Chart) -> [ChartFile] {
        let own = chart.files.filter { file in
            file.path.hasPrefix("crds/") && [".yaml", ".yml", ".json"].contains { file.path.hasSuffix($0) }
        }
        return own.sorted { $0.path < $1.path } + chart.subcharts.flatMap(crds)
    }

    private static func hidden(_ message: String, _ context: GenerationContext) -> String {
        message.replacingOccurrences(of: context.root.url.path + "/", with: "").replacingOccurrences(of: context.root.url.path, with: ".")
    }
}
