import KubeModel

/// Applications as the application controller leaves them, for unit tests.
enum SampleApplications {
    /// An Application named `guestbook` with the given status fields and annotations.
    static func app(
        phase: String? = nil, health: String? = nil, sync: String? = nil, revision: String? = nil, annotations: [String: String] = [:],
        labels: [String: String] = [:]
    ) -> KubeObject {
        var object = KubeObject(apiVersion: "argoproj.io/v1alpha1", kind: "Application", name: "guestbook", namespace: "argocd")
        for (key, value) in annotations { object.setAnnotation(key, value) }
        for (key, value) in labels { object.setLabel(key, value) }
        var content = object.content
        content[path: ["spec", "project"]] = "default"
        content[path: ["spec", "source", "repoURL"]] = "git@github.com:example/guestbook.git"
        if let phase {
            content[path: ["status", "operationState", "phase"]] = .string(phase)
            content[path: ["status", "operationState", "finishedAt"]] = "2024-05-01T10:00:00Z"
        }
        if let revision { content[path: ["status", "operationState", "syncResult", "revision"]] = .string(revision) }
        if let health { content[path: ["status", "health", "status"]] = .string(health) }
        if let sync { content[path: ["status", "sync", "status"]] = .string(sync) }
        return try! KubeObject(content)
    }

    /// An `argocd-notifications-cm` with `data`.
    static func configMap(_ data: [String: String]) -> KubeObject {
        var content = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "argocd-notifications-cm", namespace: "argocd").content
        var members: JSONObject = [:]
        for (key, value) in data.sorted(by: { $0.key < $1.key }) { members[key] = .string(value) }
        content["data"] = .object(members)
        return try! KubeObject(content)
    }
}
