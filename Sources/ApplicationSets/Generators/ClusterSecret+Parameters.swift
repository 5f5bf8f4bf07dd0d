import AppController
import KubeModel

extension ClusterSecret {
    /// The Clusters generator's parameters of the cluster `name` at `server`: `name`,
    /// `nameNormalized`, `server`, `project`, and the Secret's labels and annotations under
    /// `metadata` (nested for Go templates, dotted keys otherwise).
    static func parameters(
        name: String, server: String, project: String, labels: [String: String], annotations: [String: String], goTemplate: Bool
    ) -> ParameterSet {
        var parameters: ParameterSet = [
            "name": .string(name), "nameNormalized": .string(NameNormalizer.normalize(name)), "server": .string(server), "project": .string(project),
        ]
        if goTemplate {
            parameters["metadata"] = [
                "labels": .object(JSONObject(uniqueKeysWithValues: labels.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })),
                "annotations": .object(JSONObject(uniqueKeysWithValues: annotations.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })),
            ]
        } else {
            for (key, value) in labels { parameters["metadata.labels.\(key)"] = .string(value) }
            for (key, value) in annotations { parameters["metadata.annotations.\(key)"] = .string(value) }
        }
        return parameters
    }

    /// This cluster's parameters.
    func parameters(goTemplate: Bool) -> ParameterSet {
        Self.parameters(name: name, server: server, project: project ?? "", labels: labels, annotations: annotations, goTemplate: goTemplate)
    }
}
