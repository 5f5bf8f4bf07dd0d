public import KubeModel
import Synchronization

/// The resource types the server serves right now: the built-in ones plus those that
/// CustomResourceDefinitions add while the server runs.
public final class ResourceRegistry: Sendable {
    private struct Snapshot {
        var byGroupVersion: [String: [ResourceInfo]] = [:]
        var byPath: [String: ResourceInfo] = [:]
        var preferredVersion: [String: String] = [:]
        var groupOrder: [String] = []
        var customByDefinition: [String: [ResourceInfo]] = [:]
        var customSchemas: [String: JSONValue] = [:]
    }

    private let state = Mutex(Snapshot())

    /// A registry holding the built-in resources.
    public init() {
        for info in BuiltinResources.list { add(info, definition: nil) }
    }

    /// The resource served at `group/version/resource`.
    public func resource(group: String, version: String, resource: String) -> ResourceInfo? {
        state.withLock { $0.byPath["\(group)/\(version)/\(resource)"] }
    }

    /// The resource serving `kind` in `group/version`.
    public func resource(for gvk: GroupVersionKind) -> ResourceInfo? {
        state.withLock { snapshot in
            snapshot.byGroupVersion[gvk.apiVersion]?.first { $0.kind == gvk.kind }
        }
    }

    /// The resources of one group version, in discovery order.
    public func resources(apiVersion: String) -> [ResourceInfo]? {
        state.withLock { $0.byGroupVersion[apiVersion] }
    }

    /// Every served group (core group excluded) with its versions, preferred version first.
    public func groups() -> [(name: String, versions: [String], preferred: String)] {
        state.withLock { snapshot in
            snapshot.groupOrder.filter { !$0.isEmpty }.map { group in
                let versions = snapshot.byGroupVersion.keys.filter { $0.hasPrefix(group + "/") }
                    .map { String($0.dropFirst(group.count + 1)) }
                let preferred = snapshot.preferredVersion[group] ?? versions.first ?? ""
                return (group, [preferred] + versions.filter { $0 != preferred }.sorted(), preferred)
            }
        }
    }

    /// Whether `info` comes from a CustomResourceDefinition rather than being built in.
    public func isCustom(_ info: ResourceInfo) -> Bool {
        state.withLock { snapshot in snapshot.customByDefinition.values.contains { $0.contains(info) } }
    }

    /// The `openAPIV3Schema` a CustomResourceDefinition gives a served custom resource version.
    public func customSchema(for info: ResourceInfo) -> JSONValue? {
        state.withLock { $0.customSchemas["\(info.group)/\(info.version)/\(info.resource)"] }
    }

    /// Every served resource.
    public func allResources() -> [ResourceInfo] {
        state.withLock { Array($0.byPath.values) }
    }

    /// Serves the versions a CustomResourceDefinition declares, replacing what it declared before.
    /// - Parameters:
    ///   - definition: The CRD's name (`crontabs.stable.example.com`).
    ///   - resources: One entry per served version; the first is the preferred (storage) version.
    ///   - schemas: The structural schema of each version, by version name.
    public func setCustomResources(definition: String, _ resources: [ResourceInfo], schemas: [String: JSONValue] = [:]) {
        removeCustomResources(definition: definition)
        for info in resources { add(info, definition: definition) }
        state.withLock { snapshot in
            for info in resources { snapshot.customSchemas["\(info.group)/\(info.version)/\(info.resource)"] = schemas[info.version] }
        }
        if let first = resources.first {
            state.withLock { $0.preferredVersion[first.group] = first.version }
        }
    }

    /// Stops serving what a deleted CustomResourceDefinition declared.
    public func removeCustomResources(definition: String) {
        state.withLock { snapshot in
            for info in snapshot.customByDefinition.removeValue(forKey: definition) ?? [] {
                snapshot.byPath["\(info.group)/\(info.version)/\(info.resource)"] = nil
                snapshot.customSchemas["\(info.group)/\(info.version)/\(info.resource)"] = nil
                snapshot.byGroupVersion[info.apiVersion]?.removeAll { $0.resource == info.resource }
                if snapshot.byGroupVersion[info.apiVersion]?.isEmpty == true {
                    snapshot.byGroupVersion[info.apiVersion] = nil
                    if !snapshot.byGroupVersion.keys.contains(where: { $0.hasPrefix(info.group + "/") }) {
                        snapshot.groupOrder.removeAll { $0 == info.group }
                        snapshot.preferredVersion[info.group] = nil
                    }
                }
            }
        }
    }

    private func add(_ info: ResourceInfo, definition: String?) {
        state.withLock { snapshot in
            snapshot.byPath["\(info.group)/\(info.version)/\(info.resource)"] = info
            snapshot.byGroupVersion[info.apiVersion, default: []].append(info)
            if !snapshot.groupOrder.contains(info.group) { snapshot.groupOrder.append(info.group) }
            if snapshot.preferredVersion[info.group] == nil { snapshot.preferredVersion[info.group] = info.version }
            if let definition { snapshot.customByDefinition[definition, default: []].append(info) }
        }
    }
}
