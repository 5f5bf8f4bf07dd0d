import KubeClient
import KubeHealth
import KubeModel

/// An Application's resource tree as upstream's `/resource-tree` answers it: the resources it
/// manages (from its status) and what they own in the cluster — ReplicaSets, Pods, Jobs,
/// ControllerRevisions, EndpointSlices — found by owner references, each with its health.
enum ResourceTree {
    /// Kinds looked up as children, in the namespaces the application's resources live in.
    static let childResources = [
        GroupVersionResource(group: "apps", version: "v1", resource: "replicasets"),
        GroupVersionResource(group: "", version: "v1", resource: "pods"),
        GroupVersionResource(group: "batch", version: "v1", resource: "jobs"),
        GroupVersionResource(group: "apps", version: "v1", resource: "controllerrevisions"),
        GroupVersionResource(group: "discovery.k8s.io", version: "v1", resource: "endpointslices"),
    ]

    static func build(_ application: KubeObject, client: KubeClient) async -> JSONValue {
        var nodes: [JSONValue] = []
        var parents: [String: JSONValue] = [:]
        var namespaces: Set<String> = []
        for resource in application[path: "status", "resources"]?.arrayValue ?? [] {
            let group = resource["group"]?.stringValue ?? ""
            let version = resource["version"]?.stringValue ?? "v1"
            let namespace = resource["namespace"]?.stringValue ?? ""
            let target = KubeObject(
                apiVersion: group.isEmpty ? version : "\(group)/\(version)", kind: resource["kind"]?.stringValue ?? "",
                name: resource["name"]?.stringValue ?? "", namespace: namespace.isEmpty ? nil : namespace)
            let live = try? await client.get(target)
            var node = node(for: live ?? target, parents: [])
            node["health"] = resource["health"] ?? node["health"] ?? .null
            nodes.append(node)
            if let live, let uid = live.uid { parents[uid] = reference(to: live) }
            if !namespace.isEmpty { namespaces.insert(namespace) }
        }
        // Children of children (Deployment → ReplicaSet → Pod): repeat while new owners appear.
        var candidates: [KubeObject] = []
        for namespace in namespaces.sorted() {
            for resource in childResources {
                candidates += (try? await client.listAll(resource, namespace: namespace).items) ?? []
            }
        }
        var added: Set<String> = []
        var grew = true
        while grew {
            grew = false
            for object in candidates {
                guard let uid = object.uid, !added.contains(uid), parents[uid] == nil else { continue }
                let owners = object.ownerReferences.compactMap { parents[$0.uid] }
                guard !owners.isEmpty else { continue }
                nodes.append(node(for: object, parents: owners))
                parents[uid] = reference(to: object)
                added.insert(uid)
                grew = true
            }
        }
        return ["nodes": .array(nodes)]
    }

    private static func reference(to object: KubeObject) -> JSONValue {
        [
            "group": .string(object.groupVersionKind.group), "kind": .string(object.kind), "namespace": .string(object.namespace ?? ""),
            "name": .string(object.name), "uid": .string(object.uid ?? ""),
        ]
    }

    private static func node(for object: KubeObject, parents: [JSONValue]) -> JSONValue {
        var node = reference(to: object)
        node["version"] = .string(object.groupVersionKind.version)
        if let version = object.resourceVersion { node["resourceVersion"] = .string(version) }
        if let created = object.creationTimestamp { node["createdAt"] = .string(created) }
        if !parents.isEmpty { node["parentRefs"] = .array(parents) }
        if let health = HealthAssessor.health(of: object.content) {
            node["health"] = ["status": .string(health.status.rawValue), "message": .string(health.message)]
        }
        return node
    }
}
