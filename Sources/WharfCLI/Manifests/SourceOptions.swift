import ArgumentParser
import Foundation
import KubeModel

/// The source options of `wharf manifests`, named as `argocd app create` names them.
struct SourceOptions: ParsableArguments {
    @Option(name: .customLong("values"), help: "A Helm value file, relative to --path (repeatable).")
    var valueFiles: [String] = []

    @Option(name: .customLong("values-literal-file"), help: "A local file whose content becomes helm.values.")
    var valuesLiteralFile: String?

    @Option(name: .customLong("helm-set"), help: "A Helm parameter name=value (repeatable).")
    var helmSet: [String] = []

    @Option(name: .customLong("helm-set-string"), help: "A Helm string parameter name=value (repeatable).")
    var helmSetString: [String] = []

    @Option(name: .customLong("helm-set-file"), help: "A Helm parameter name=path whose value is a file in the repository (repeatable).")
    var helmSetFile: [String] = []

    @Option(name: .customLong("release-name"), help: "The Helm release name (default: the application name).")
    var releaseName: String?

    @Flag(name: .customLong("helm-skip-crds"), help: "Leave out the chart's CRDs.")
    var helmSkipCrds = false

    @Option(name: .customLong("helm-kube-version"), help: "The Kubernetes version Helm templates see.")
    var helmKubeVersion: String?

    @Option(name: .customLong("helm-api-versions"), help: "An API version Helm templates see (repeatable).")
    var helmAPIVersions: [String] = []

    @Option(name: .customLong("kustomize-image"), help: "A Kustomize image override, e.g. nginx=nginx:1.27 (repeatable).")
    var kustomizeImages: [String] = []

    @Option(name: .customLong("nameprefix"), help: "A Kustomize name prefix.")
    var namePrefix: String?

    @Option(name: .customLong("namesuffix"), help: "A Kustomize name suffix.")
    var nameSuffix: String?

    @Option(name: .customLong("kustomize-namespace"), help: "The Kustomize namespace.")
    var kustomizeNamespace: String?

    @Option(name: .customLong("kustomize-common-label"), help: "A Kustomize common label key=value (repeatable).")
    var kustomizeCommonLabels: [String] = []

    @Option(name: .customLong("kustomize-common-annotation"), help: "A Kustomize common annotation key=value (repeatable).")
    var kustomizeCommonAnnotations: [String] = []

    @Option(name: .customLong("kustomize-replica"), help: "A Kustomize replica override name=count (repeatable).")
    var kustomizeReplicas: [String] = []

    @Flag(name: .customLong("directory-recurse"), help: "Read subdirectories of a plain directory too.")
    var directoryRecurse = false

    @Option(name: .customLong("directory-include"), help: "A glob of the files a plain directory reads.")
    var directoryInclude: String?

    @Option(name: .customLong("directory-exclude"), help: "A glob of the files a plain directory leaves out.")
    var directoryExclude: String?

    @Option(name: .customLong("jsonnet-ext-var-str"), help: "A jsonnet external variable name=value (repeatable).")
    var jsonnetExtVarStr: [String] = []

    @Option(name: .customLong("jsonnet-ext-var-code"), help: "A jsonnet external variable name=code (repeatable).")
    var jsonnetExtVarCode: [String] = []

    @Option(name: .customLong("jsonnet-tla-str"), help: "A jsonnet top-level argument name=value (repeatable).")
    var jsonnetTLAStr: [String] = []

    @Option(name: .customLong("jsonnet-tla-code"), help: "A jsonnet top-level argument name=code (repeatable).")
    var jsonnetTLACode: [String] = []

    @Option(name: .customLong("jsonnet-libs"), help: "A jsonnet library directory, relative to the repository root (repeatable).")
    var jsonnetLibs: [String] = []

    /// The `helm`, `kustomize` and `directory` fields of a source, each present only when one of its
    /// flags was given.
    func sourceFields() throws -> JSONValue {
        var fields = JSONValue.emptyObject
        var helm = JSONValue.emptyObject
        if !valueFiles.isEmpty { helm["valueFiles"] = .array(valueFiles.map(JSONValue.string)) }
        if let valuesLiteralFile {
            guard let text = try? String(contentsOfFile: valuesLiteralFile, encoding: .utf8) else {
                throw ValidationError("cannot read --values-literal-file \(valuesLiteralFile)")
            }
            helm["values"] = .string(text)
        }
        let parameters = try helmSet.map { try Self.pair($0, flag: "--helm-set") }.map { JSONValue.object(["name": .string($0.0), "value": .string($0.1)]) }
            + (try helmSetString.map { try Self.pair($0, flag: "--helm-set-string") }.map {
                JSONValue.object(["name": .string($0.0), "value": .string($0.1), "forceString": true])
            })
        if !parameters.isEmpty { helm["parameters"] = .array(parameters) }
        let fileParameters = try helmSetFile.map { try Self.pair($0, flag: "--helm-set-file") }.map { JSONValue.object(["name": .string($0.0), "path": .string($0.1)]) }
        if !fileParameters.isEmpty { helm["fileParameters"] = .array(fileParameters) }
        if let releaseName { helm["releaseName"] = .string(releaseName) }
        if helmSkipCrds { helm["skipCrds"] = true }
        if let helmKubeVersion { helm["kubeVersion"] = .string(helmKubeVersion) }
        if !helmAPIVersions.isEmpty { helm["apiVersions"] = .array(helmAPIVersions.map(JSONValue.string)) }
        if helm != .emptyObject { fields["helm"] = helm }

        var kustomize = JSONValue.emptyObject
        if !kustomizeImages.isEmpty { kustomize["images"] = .array(kustomizeImages.map(JSONValue.string)) }
        if let namePrefix { kustomize["namePrefix"] = .string(namePrefix) }
        if let nameSuffix { kustomize["nameSuffix"] = .string(nameSuffix) }
        if let kustomizeNamespace { kustomize["namespace"] = .string(kustomizeNamespace) }
        if !kustomizeCommonLabels.isEmpty { kustomize["commonLabels"] = try Self.map(kustomizeCommonLabels, flag: "--kustomize-common-label") }
        if !kustomizeCommonAnnotations.isEmpty {
            kustomize["commonAnnotations"] = try Self.map(kustomizeCommonAnnotations, flag: "--kustomize-common-annotation")
        }
        if !kustomizeReplicas.isEmpty {
            kustomize["replicas"] = .array(try kustomizeReplicas.map { try Self.pair($0, flag: "--kustomize-replica") }.map {
                JSONValue.object(["name": .string($0.0), "count": .string($0.1)])
            })
        }
        if kustomize != .emptyObject { fields["kustomize"] = kustomize }

        var directory = JSONValue.emptyObject
        if directoryRecurse { directory["recurse"] = true }
        if let directoryInclude { directory["include"] = .string(directoryInclude) }
        if let directoryExclude { directory["exclude"] = .string(directoryExclude) }
        var jsonnet = JSONValue.emptyObject
        func variables(_ entries: [String], code: Bool, flag: String) throws -> [JSONValue] {
            try entries.map { try Self.pair($0, flag: flag) }.map { JSONValue.object(["name": .string($0.0), "value": .string($0.1), "code": .bool(code)]) }
        }
        let extVars = try variables(jsonnetExtVarStr, code: false, flag: "--jsonnet-ext-var-str")
            + variables(jsonnetExtVarCode, code: true, flag: "--jsonnet-ext-var-code")
        let tlas = try variables(jsonnetTLAStr, code: false, flag: "--jsonnet-tla-str") + variables(jsonnetTLACode, code: true, flag: "--jsonnet-tla-code")
        if !extVars.isEmpty { jsonnet["extVars"] = .array(extVars) }
        if !tlas.isEmpty { jsonnet["tlas"] = .array(tlas) }
        if !jsonnetLibs.isEmpty { jsonnet["libs"] = .array(jsonnetLibs.map(JSONValue.string)) }
        if jsonnet != .emptyObject { directory["jsonnet"] = jsonnet }
        if directory != .emptyObject { fields["directory"] = directory }
        return fields
    }

    private static func pair(_ text: String, flag: String) throws -> (String, String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { throw ValidationError("\(flag) \(text): write name=value") }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    private static func map(_ entries: [String], flag: String) throws -> JSONValue {
        var result = JSONValue.emptyObject
        for entry in entries {
            let (key, value) = try pair(entry, flag: flag)
            result[key] = .string(value)
        }
        return result
    }
}
