public import KubeModel

/// The `autoscaling/v1` Scale view of a scalable object, as the `scale` subresource serves it.
enum ScaleView {
    static func scale(of object: JSONValue, info: ResourceInfo) -> JSONValue {
        let paths = info.scale ?? .standard
        var metadata = JSONObject()
        for field in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] {
            if let value = object[path: ["metadata", field]] { metadata[field] = value }
        }
        var status: JSONObject = ["replicas": object[path: path(paths.statusReplicasPath)] ?? 0]
        if let selectorPath = paths.labelSelectorPath, let selector = object[path: path(selectorPath)]?.stringValue {
            status["selector"] = .string(selector)
        } else if let selector = object[path: ["spec", "selector"]], let parsed = try? LabelSelector(json: selector) {
            status["selector"] = .string(parsed.description)
        }
        return [
            "kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": .object(metadata),
            "spec": ["replicas": object[path: path(paths.specReplicasPath)] ?? 0], "status": .object(status),
        ]
    }

    /// `object` with the desired replicas a Scale asks for.
    static func applying(_ scale: JSONValue, to object: JSONValue, info: ResourceInfo) throws(APIError) -> JSONValue {
        guard let replicas = scale[path: ["spec", "replicas"]], let count = replicas.int64Value, count >= 0 else {
            throw APIError.invalid(info, name: object[path: ["metadata", "name"]]?.stringValue ?? "", causes: [
                APIError.Cause(type: "FieldValueInvalid", message: "must be greater than or equal to 0", field: "spec.replicas")
            ])
        }
        var result = object
        result[path: path((info.scale ?? .standard).specReplicasPath)] = .number(JSONNumber(count))
        return result
    }

    /// `.spec.replicas` → `["spec", "replicas"]`.
    private static func path(_ dotted: String) -> [String] {
        dotted.split(separator: ".").map(String.init)
    }
}
