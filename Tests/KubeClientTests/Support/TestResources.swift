import ClusterTestSupport
import KubeModel

/// Well-known resources the tests use.
enum Resources {
    static let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")
    static let namespaces = GroupVersionResource(group: "", version: "v1", resource: "namespaces")
    static let deployments = GroupVersionResource(group: "apps", version: "v1", resource: "deployments")
    static let replicaSets = GroupVersionResource(group: "apps", version: "v1", resource: "replicasets")
    static let leases = GroupVersionResource(group: "coordination.k8s.io", version: "v1", resource: "leases")
    static let crds = GroupVersionResource(group: "apiextensions.k8s.io", version: "v1", resource: "customresourcedefinitions")
}

/// A ConfigMap object.
func configMap(_ name: String, namespace: String = "default", data: [String: String] = [:]) -> KubeObject {
    var object = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: namespace)
    var values: JSONObject = [:]
    for (key, value) in data.sorted(by: { $0.key < $1.key }) { values[key] = .string(value) }
    object["data"] = .object(values)
    return object
}

/// A Deployment with one container.
func deployment(_ name: String, namespace: String = "default", replicas: Int = 1, image: String = "nginx:1.27") -> KubeObject {
    let labels: JSONValue = ["app": .string(name)]
    return try! KubeObject([
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string(name), "namespace": .string(namespace)],
        "spec": [
            "replicas": .int(replicas), "selector": ["matchLabels": labels],
            "template": ["metadata": ["labels": labels], "spec": ["containers": [["name": "web", "image": .string(image)]]]],
        ],
    ])
}
