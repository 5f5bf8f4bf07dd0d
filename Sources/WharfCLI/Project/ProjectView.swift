import Foundation
import KubeModel

/// How upstream's `argocd proj get` and `argocd proj list` show a project.
enum ProjectView {
    /// The columns of `proj list`.
    static let listHeader = [
        "NAME", "DESCRIPTION", "DESTINATIONS", "SOURCES", "CLUSTER-RESOURCE-WHITELIST", "NAMESPACE-RESOURCE-BLACKLIST", "SIGNATURE-KEYS",
        "ORPHANED-RESOURCES",
    ]

    /// A project's row in `proj list`: one item in full, several counted.
    static func listRow(_ project: KubeObject) -> [String] {
        let spec = project["spec"] ?? .emptyObject
        let destinations = items(spec, "destinations"), sources = strings(spec, "sourceRepos")
        let clusterAllowed = items(spec, "clusterResourceWhitelist"), namespaceDenied = items(spec, "namespaceResourceBlacklist")
        let keys = items(spec, "signatureKeys")
        return [
            project.name,
            spec["description"]?.stringValue ?? "",
            summary(destinations.map(destination), plural: "destinations"),
            summary(sources, plural: "repos"),
            summary(clusterAllowed.map(groupKind), plural: "resources"),
            namespaceDenied.isEmpty ? "<none>" : "\(namespaceDenied.count) resources",
            keys.isEmpty ? "<none>" : "\(keys.count) key(s)",
            orphanedResources(spec),
        ]
    }

    /// The `proj get` view: a label column 29 characters wide, lists continued on the lines below.
    static func detail(_ project: KubeObject) -> String {
        let spec = project["spec"] ?? .emptyObject
        var lines: [String] = []
        func field(_ label: String, _ values: [String]) {
            let shown = values.isEmpty ? ["<none>"] : values
            for (index, value) in shown.enumerated() {
                lines.append((index == 0 ? label : "").padding(toLength: 29, withPad: " ", startingAt: 0) + value)
            }
        }
        field("Name:", [project.name])
        field("Description:", [spec["description"]?.stringValue ?? ""])
        field("Destinations:", items(spec, "destinations").map(destination))
        field("Repositories:", strings(spec, "sourceRepos"))
        field("Source Namespaces:", strings(spec, "sourceNamespaces"))
        field("Allowed Cluster Resources:", items(spec, "clusterResourceWhitelist").map(groupKind))
        field("Denied Cluster Resources:", items(spec, "clusterResourceBlacklist").map(groupKind))
        field("Allowed Namespaced Resources:", items(spec, "namespaceResourceWhitelist").map(groupKind))
        field("Denied Namespaced Resources:", items(spec, "namespaceResourceBlacklist").map(groupKind))
        let keys = items(spec, "signatureKeys").compactMap { $0["keyID"]?.stringValue }
        field("Signature keys:", [keys.isEmpty ? "<none>" : keys.joined(separator: ", ")])
        field("Orphaned Resources:", [orphanedResources(spec)])
        return lines.joined(separator: "\n") + "\n"
    }

    /// `SERVER,NAMESPACE` (the name when the destination names its cluster).
    static func destination(_ entry: JSONValue) -> String {
        let server = entry["server"]?.stringValue ?? ""
        return "\(server.isEmpty ? entry["name"]?.stringValue ?? "" : server),\(entry["namespace"]?.stringValue ?? "")"
    }

    private static func groupKind(_ entry: JSONValue) -> String {
        "\(entry["group"]?.stringValue ?? "")/\(entry["kind"]?.stringValue ?? "")"
    }

    private static func orphanedResources(_ spec: JSONValue) -> String {
        guard let settings = spec["orphanedResources"], !settings.isNull else { return "disabled" }
        var details = "warn=\(settings["warn"]?.boolValue ?? false)"
        let ignored = settings["ignore"]?.arrayValue ?? []
        if !ignored.isEmpty { details += ", ignored \(ignored.count)" }
        return "enabled (\(details))"
    }

    private static func summary(_ values: [String], plural: String) -> String {
        switch values.count {
        case 0: "<none>"
        case 1: values[0]
        default: "\(values.count) \(plural)"
        }
    }

    private static func items(_ spec: JSONValue, _ key: String) -> [JSONValue] {
        spec[key]?.arrayValue ?? []
    }

    private static func strings(_ spec: JSONValue, _ key: String) -> [String] {
        items(spec, key).compactMap(\.stringValue)
    }
}
