import KubeModel

/// How `argocd app get` and `app list` print an Application for people.
struct ApplicationSummary {
    let application: JSONValue

    var name: String { application[path: ["metadata", "name"]]?.stringValue ?? "" }
    var namespace: String { application[path: ["metadata", "namespace"]]?.stringValue ?? "argocd" }
    var project: String { application[path: ["spec", "project"]]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "default" }
    var cluster: String {
        application[path: ["spec", "destination", "server"]]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            ?? application[path: ["spec", "destination", "name"]]?.stringValue ?? ""
    }
    var destinationNamespace: String { application[path: ["spec", "destination", "namespace"]]?.stringValue ?? "" }
    var syncStatus: String { application[path: ["status", "sync", "status"]]?.stringValue ?? "Unknown" }
    var health: String { application[path: ["status", "health", "status"]]?.stringValue ?? "Unknown" }
    var source: JSONValue { application[path: ["spec", "source"]] ?? application[path: ["spec", "sources"]]?.arrayValue?.first ?? .emptyObject }
    var syncPolicy: String {
        guard let automated = application[path: ["spec", "syncPolicy", "automated"]], automated.objectValue != nil, automated["enabled"] != false else {
            return "Manual"
        }
        let prune = automated["prune"]?.boolValue == true ? " (Prune)" : ""
        return "Automated\(prune)"
    }
    var conditions: String {
        let types = (application[path: ["status", "conditions"]]?.arrayValue ?? []).compactMap { $0["type"]?.stringValue }
        return types.isEmpty ? "<none>" : types.joined(separator: ",")
    }

    /// The `app list` row.
    var row: [String] {
        [
            "\(namespace)/\(name)", cluster, destinationNamespace, project, syncStatus, health, syncPolicy == "Manual" ? "Manual" : "Auto" + (syncPolicy.contains("Prune") ? "-Prune" : ""),
            conditions, source["repoURL"]?.stringValue ?? "", source["path"]?.stringValue ?? "", source["targetRevision"]?.stringValue ?? "",
        ]
    }

    static let listHeader = ["NAME", "CLUSTER", "NAMESPACE", "PROJECT", "STATUS", "HEALTH", "SYNCPOLICY", "CONDITIONS", "REPO", "PATH", "TARGET"]

    /// The `app get` text.
    var details: String {
        var lines = [
            "Name:               \(namespace)/\(name)",
            "Project:            \(project)",
            "Server:             \(cluster)",
            "Namespace:          \(destinationNamespace)",
            "Source:",
            "- Repo:             \(source["repoURL"]?.stringValue ?? "")",
            "  Target:           \(source["targetRevision"]?.stringValue ?? "")",
            "  Path:             \(source["path"]?.stringValue ?? "")",
            "Sync Policy:        \(syncPolicy)",
            "Sync Status:        \(syncStatus)\(revisionNote)",
            "Health Status:      \(health)",
        ]
        for condition in application[path: ["status", "conditions"]]?.arrayValue ?? [] {
            lines.append("Condition:          \(condition["type"]?.stringValue ?? ""): \(condition["message"]?.stringValue ?? "")")
        }
        if let state = application[path: ["status", "operationState"]] {
            lines.append("")
            lines.append("Operation:          Sync")
            lines.append("Phase:              \(state["phase"]?.stringValue ?? "")")
            lines.append("Message:            \(state["message"]?.stringValue ?? "")")
        }
        var table = TextTable(["GROUP", "KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH", "HOOK", "MESSAGE"])
        let results = application[path: ["status", "operationState", "syncResult", "resources"]]?.arrayValue ?? []
        for resource in application[path: ["status", "resources"]]?.arrayValue ?? [] {
            let result = results.first { $0["kind"] == resource["kind"] && $0["name"] == resource["name"] && $0["namespace"] == resource["namespace"] }
            table.append([
                resource["group"]?.stringValue ?? "", resource["kind"]?.stringValue ?? "", resource["namespace"]?.stringValue ?? "",
                resource["name"]?.stringValue ?? "", resource["status"]?.stringValue ?? "", resource[path: ["health", "status"]]?.stringValue ?? "",
                result?["hookType"]?.stringValue ?? "", result?["message"]?.stringValue ?? "",
            ])
        }
        return lines.joined(separator: "\n") + "\n\n" + table.text
    }

    private var revisionNote: String {
        guard let revision = application[path: ["status", "sync", "revision"]]?.stringValue, !revision.isEmpty else { return "" }
        return " to \(source["targetRevision"]?.stringValue ?? "HEAD") (\(revision.prefix(7)))"
    }
}
