import Foundation
import KubeModel

/// Applies an Application's `kustomize` overrides to a kustomization document the way upstream's
/// `kustomize edit` calls do: prefix, suffix and namespace replaced; images and replicas merged by
/// name; labels and annotations added (an existing key is an error unless forced); patches and
/// components appended.
struct KustomizationEditor {
    let options: KustomizeSourceOptions
    let field = "spec.source.kustomize"

    /// - Parameter componentExists: Whether a component path exists, relative to the kustomization.
    func edit(_ document: JSONValue, componentExists: (String) -> Bool) throws(SourceError) -> JSONValue {
        var result = document.objectValue == nil ? JSONValue.emptyObject : document
        if !options.namePrefix.isEmpty { result["namePrefix"] = .string(options.namePrefix) }
        if !options.nameSuffix.isEmpty { result["nameSuffix"] = .string(options.nameSuffix) }
        if !options.namespace.isEmpty { result["namespace"] = .string(options.namespace) }
        if !options.images.isEmpty {
            var images = result["images"]?.arrayValue ?? []
            for (index, text) in options.images.enumerated() {
                try KustomizeImage(text, field: "\(field).images[\(index)]").apply(to: &images)
            }
            result["images"] = .array(images)
        }
        if !options.replicas.isEmpty {
            var replicas = result["replicas"]?.arrayValue ?? []
            for replica in options.replicas {
                let entry: JSONValue = ["name": .string(replica.name), "count": .int(replica.count)]
                if let index = replicas.firstIndex(where: { $0["name"]?.stringValue == replica.name }) {
                    replicas[index] = entry
                } else {
                    replicas.append(entry)
                }
            }
            result["replicas"] = .array(replicas)
        }
        if !options.commonLabels.isEmpty {
            if options.labelWithoutSelector {
                var labels = result["labels"]?.arrayValue ?? []
                var pairs: JSONValue = .emptyObject
                for (key, value) in options.commonLabels { pairs[key] = .string(value) }
                labels.append(["pairs": pairs])
                result["labels"] = .array(labels)
            } else {
                result["commonLabels"] = try add(options.commonLabels, to: result["commonLabels"], force: options.forceCommonLabels, what: "label")
            }
        }
        if !options.commonAnnotations.isEmpty {
            result["commonAnnotations"] = try add(
                options.commonAnnotations, to: result["commonAnnotations"], force: options.forceCommonAnnotations, what: "annotation")
        }
        if !options.patches.isEmpty {
            result["patches"] = .array((result["patches"]?.arrayValue ?? []) + options.patches)
        }
        if !options.components.isEmpty {
            var components = result["components"]?.arrayValue ?? []
            for component in options.components {
                guard componentExists(component) else {
                    if options.ignoreMissingComponents { continue }
                    throw SourceError("\(field).components: \"\(component)\" does not exist; fix the path or set ignoreMissingComponents")
                }
                if !components.contains(.string(component)) { components.append(.string(component)) }
            }
            result["components"] = .array(components)
        }
        return result
    }

    private func add(_ pairs: [(key: String, value: String)], to existing: JSONValue?, force: Bool, what: String) throws(SourceError) -> JSONValue {
        var map = existing?.objectValue.map(JSONValue.object) ?? .emptyObject
        for (key, value) in pairs {
            if map[key] != nil && !force {
                throw SourceError(
                    "\(field): the kustomization already sets the \(what) \(key); set force\(what == "label" ? "CommonLabels" : "CommonAnnotations") to replace it")
            }
            map[key] = .string(value)
        }
        return map
    }
}
