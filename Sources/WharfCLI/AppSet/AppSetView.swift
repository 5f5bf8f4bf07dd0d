import Foundation
import KubeModel

/// How upstream's `argocd appset get` and `argocd appset list` show an ApplicationSet.
enum AppSetView {
    /// The columns of `appset list`.
    static let listHeader = ["NAME", "PROJECT", "SYNCPOLICY", "CONDITIONS", "REPO", "PATH", "TARGET"]

    /// The source an Application spec deploys first: `source`, else the first of `sources`.
    static func primarySource(_ spec: JSONValue) -> JSONValue {
        spec["source"] ?? spec["sources"]?.arrayValue?.first ?? .emptyObject
    }

    /// An ApplicationSet's row in `appset list`.
    static func listRow(_ applicationSet: KubeObject) -> [String] {
        let template = applicationSet[path: "spec", "template", "spec"] ?? .emptyObject
        let source = primarySource(template)
        let syncPolicy = applicationSet[path: "spec", "syncPolicy"].map { JSONWriter.string($0) } ?? "nil"
        // Upstream shows the conditions that hold (status True).
        let conditions = (applicationSet[path: "status", "conditions"]?.arrayValue ?? [])
            .filter { $0["status"]?.stringValue == "True" }.compactMap { $0["type"]?.stringValue }
        return [
            applicationSet.name, template["project"]?.stringValue ?? "", syncPolicy, "[\(conditions.joined(separator: " "))]",
            source["repoURL"]?.stringValue ?? "", source["path"]?.stringValue ?? "", source["targetRevision"]?.stringValue ?? "",
        ]
    }

    /// The `appset get` view: the template's summary, the status conditions, and the Applications
    /// the controller last generated (`status.resources`).
    static func detail(_ applicationSet: KubeObject) -> String {
        let template = applicationSet[path: "spec", "template", "spec"] ?? .emptyObject
        let source = primarySource(template)
        let destination = template["destination"] ?? .emptyObject
        let server = destination["server"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? destination["name"]?.stringValue ?? ""
        var syncPolicy = "<none>"
        if let automated = template[path: ["syncPolicy", "automated"]], !automated.isNull {
            syncPolicy = automated["prune"]?.boolValue == true ? "Automated (Prune)" : "Automated"
        }
        var text = [
            ("Name:", applicationSet.name), ("Project:", template["project"]?.stringValue ?? ""), ("Server:", server),
            ("Namespace:", destination["namespace"]?.stringValue ?? ""), ("Repo:", source["repoURL"]?.stringValue ?? ""),
            ("Target:", source["targetRevision"]?.stringValue ?? ""), ("Path:", source["path"]?.stringValue ?? ""), ("SyncPolicy:", syncPolicy),
        ].map { $0.0.padding(toLength: 20, withPad: " ", startingAt: 0) + $0.1 + "\n" }.joined()
        let conditions = applicationSet[path: "status", "conditions"]?.arrayValue ?? []
        if !conditions.isEmpty {
            var table = TextTable(["CONDITION", "STATUS", "MESSAGE", "LAST TRANSITION"])
            for condition in conditions {
                table.append(["type", "status", "message", "lastTransitionTime"].map { condition[$0]?.stringValue ?? "" })
            }
            text += "\n" + table.text + "\n"
        }
        let applications = (applicationSet[path: "status", "resources"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        text += "Applications:".padding(toLength: 20, withPad: " ", startingAt: 0) + (applications.isEmpty ? "<none>" : applications[0]) + "\n"
        for name in applications.dropFirst() { text += String(repeating: " ", count: 20) + name + "\n" }
        return text
    }
}
