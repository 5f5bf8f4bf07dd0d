import Foundation
public import KubeModel

/// Serving the kinds CustomResourceDefinitions declare: registration on create and update, the
/// `NamesAccepted` and `Established` conditions clients wait for, and clean-up on deletion.
enum CustomResourceDefinitions {
    /// The resources a CRD declares, one per served version, storage version first.
    static func resources(of definition: JSONValue) -> [ResourceInfo] {
        guard let group = definition[path: ["spec", "group"]]?.stringValue,
            let plural = definition[path: ["spec", "names", "plural"]]?.stringValue,
            let kind = definition[path: ["spec", "names", "kind"]]?.stringValue
        else { return [] }
        let singular = definition[path: ["spec", "names", "singular"]]?.stringValue ?? kind.lowercased()
        let shortNames = definition[path: ["spec", "names", "shortNames"]]?.arrayValue?.compactMap(\.stringValue) ?? []
        let categories = definition[path: ["spec", "names", "categories"]]?.arrayValue?.compactMap(\.stringValue) ?? []
        let namespaced = definition[path: ["spec", "scope"]]?.stringValue != "Cluster"
        let versions = (definition[path: ["spec", "versions"]]?.arrayValue ?? []).filter { $0["served"] != false }
        let ordered = versions.filter { $0["storage"] == true } + versions.filter { $0["storage"] != true }
        return ordered.compactMap { version in
            guard let name = version["name"]?.stringValue else { return nil }
            var scale: ResourceInfo.ScaleSubresource?
            if let scaleSpec = version[path: ["subresources", "scale"]] {
                scale = ResourceInfo.ScaleSubresource(
                    specReplicasPath: scaleSpec["specReplicasPath"]?.stringValue ?? ".spec.replicas",
                    statusReplicasPath: scaleSpec["statusReplicasPath"]?.stringValue ?? ".status.replicas",
                    labelSelectorPath: scaleSpec["labelSelectorPath"]?.stringValue)
            }
            return ResourceInfo(
                group: group, version: name, resource: plural, singular: singular, kind: kind, namespaced: namespaced,
                shortNames: shortNames, categories: categories, hasStatus: version[path: ["subresources", "status"]] != nil, scale: scale,
                printerColumns: (version["additionalPrinterColumns"]?.arrayValue ?? []).compactMap(PrinterColumn.init))
        }
    }

    /// Each version's `openAPIV3Schema`, by version name.
    static func schemas(of definition: JSONValue) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for version in definition[path: ["spec", "versions"]]?.arrayValue ?? [] {
            if let name = version["name"]?.stringValue, let schema = version[path: ["schema", "openAPIV3Schema"]] { result[name] = schema }
        }
        return result
    }

    /// Registers (or re-registers) a CRD's kinds and marks it established.
    static func reconcile(_ definition: JSONValue, store: ObjectStore, registry: ResourceRegistry) async throws(APIError) {
        guard let name = definition[path: ["metadata", "name"]]?.stringValue else { return }
        if definition[path: ["metadata", "deletionTimestamp"]] != nil { return }
        registry.setCustomResources(definition: name, resources(of: definition), schemas: schemas(of: definition))
        let established = (definition[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
            $0["type"] == "Established" && $0["status"] == "True"
        }
        guard !established else { return }
        let timestamp = Timestamps.format(Date())
        let names = definition[path: ["spec", "names"]] ?? .emptyObject
        _ = try await store.write(ObjectKey(storage: "customresourcedefinitions.apiextensions.k8s.io", namespace: "", name: name)) {
            current, _ throws(APIError) in
            guard var object = current?.object() else { throw APIError.internalError("CustomResourceDefinition \(name) vanished") }
            object["status"] = [
                "conditions": [
                    ["type": "NamesAccepted", "status": "True", "reason": "NoConflicts", "message": "no conflicts found", "lastTransitionTime": .string(timestamp)],
                    ["type": "Established", "status": "True", "reason": "InitialNamesAccepted", "message": "the initial names have been accepted", "lastTransitionTime": .string(timestamp)],
                ],
                "acceptedNames": names,
                "storedVersions": .array(resources(of: object).prefix(1).map { .string($0.version) }),
            ]
            return object
        }
    }

    /// Stops serving a deleted CRD's kinds and deletes their objects, as the API server's clean-up does.
    static func remove(_ definition: JSONValue, store: ObjectStore, registry: ResourceRegistry) async throws(APIError) {
        guard let name = definition[path: ["metadata", "name"]]?.stringValue else { return }
        for info in resources(of: definition).prefix(1) {
            for (key, _) in await store.list(WatchFilter(storage: info.storageKey)).items {
                _ = try await store.delete(key)
            }
        }
        registry.removeCustomResources(definition: name)
    }

    /// Re-registers every stored CRD, for a server starting on existing data.
    static func restore(store: ObjectStore, registry: ResourceRegistry) async {
        for (_, stored) in await store.list(WatchFilter(storage: "customresourcedefinitions.apiextensions.k8s.io")).items {
            let definition = stored.object()
            if let name = definition[path: ["metadata", "name"]]?.stringValue {
                registry.setCustomResources(definition: name, resources(of: definition), schemas: schemas(of: definition))
            }
        }
    }
}
