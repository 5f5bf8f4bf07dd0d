import KubeModel

/// Makes pods from the pod templates of workloads, as their controllers do: the template's labels,
/// annotations and spec, an owner reference to the workload, and the simulation annotation carried over
/// from the workload so that a failure asked for on a Deployment or Job reaches its pods.
enum PodFactory {
    /// A pod for `owner` from `template`, named `name` or generated from `generateName`.
    static func pod(
        from template: JSONValue, owner: JSONValue, name: String? = nil, generateName: String? = nil, labels: [String: String] = [:],
        spec changes: (inout JSONValue) -> Void = { _ in }
    ) -> JSONValue {
        var metadata: JSONObject = ["namespace": .string(owner.namespace)]
        if let name { metadata["name"] = .string(name) }
        if let generateName { metadata["generateName"] = .string(generateName) }
        var podLabels = template[path: ["metadata", "labels"]]?.objectValue ?? [:]
        for (key, value) in labels.sorted(by: { $0.key < $1.key }) { podLabels[key] = .string(value) }
        if !podLabels.isEmpty { metadata["labels"] = .object(podLabels) }
        var annotations = template[path: ["metadata", "annotations"]]?.objectValue ?? [:]
        if annotations[SimulatedOutcome.annotation] == nil, let requested = owner.annotations[SimulatedOutcome.annotation] {
            annotations[SimulatedOutcome.annotation] = .string(requested)
        }
        if !annotations.isEmpty { metadata["annotations"] = .object(annotations) }
        metadata["ownerReferences"] = [owner.controllerOwnerReference]
        var spec = template["spec"] ?? .emptyObject
        changes(&spec)
        return ["apiVersion": "v1", "kind": "Pod", "metadata": .object(metadata), "spec": spec]
    }
}
