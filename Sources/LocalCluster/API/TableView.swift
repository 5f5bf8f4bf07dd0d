import Foundation
public import KubeModel

/// The `meta.k8s.io/v1` Table form of objects, with the columns `kubectl get` shows for each kind.
enum TableView {
    /// One column: its header, its type, whether it only shows with `-o wide`, and how to read a cell.
    private struct Column {
        var name: String
        var type = "string"
        var wide = false
        var cell: (JSONValue, Date) -> JSONValue

        init(name: String, type: String = "string", wide: Bool = false, cell: @escaping (JSONValue, Date) -> JSONValue) {
            self.name = name
            self.type = type
            self.wide = wide
            self.cell = cell
        }
    }

    static func table(
        for info: ResourceInfo, objects: [JSONValue], resourceVersion: Int64?, now: Date, continueToken: String? = nil,
        includeColumns: Bool = true
    ) -> JSONValue {
        let columns = columns(for: info)
        var metadata = JSONObject()
        if let resourceVersion { metadata["resourceVersion"] = .string(String(resourceVersion)) }
        if let continueToken { metadata["continue"] = .string(continueToken) }
        let rows: [JSONValue] = objects.map { object in
            var partial: JSONObject = ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1"]
            partial["metadata"] = object["metadata"] ?? .emptyObject
            return ["cells": .array(columns.map { $0.cell(object, now) }), "object": .object(partial)]
        }
        var table: JSONObject = ["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": .object(metadata)]
        table["columnDefinitions"] = includeColumns
            ? .array(columns.map { ["name": .string($0.name), "type": .string($0.type), "format": $0.name == "Name" ? "name" : "", "description": "", "priority": $0.wide ? 1 : 0] })
            : .array([])
        table["rows"] = .array(rows)
        return .object(table)
    }

    private static func columns(for info: ResourceInfo) -> [Column] {
        let nameColumn = Column(name: "Name") { object, _ in object[path: ["metadata", "name"]] ?? "" }
        let ageColumn = Column(name: "Age") { object, now in .string(Self.age(of: object, now: now)) }
        switch (info.group, info.resource) {
        case ("", "pods"):
            return [
                nameColumn,
                Column(name: "Ready") { object, _ in
                    let statuses = object[path: ["status", "containerStatuses"]]?.arrayValue ?? []
                    let total = object[path: ["spec", "containers"]]?.arrayValue?.count ?? statuses.count
                    return .string("\(statuses.count(where: { $0["ready"] == true }))/\(total)")
                },
                Column(name: "Status") { object, _ in
                    if object[path: ["metadata", "deletionTimestamp"]] != nil { return "Terminating" }
                    for status in object[path: ["status", "containerStatuses"]]?.arrayValue ?? [] {
                        if let reason = status[path: ["state", "waiting", "reason"]]?.stringValue { return .string(reason) }
                        // Finished containers show why they ended (`Completed`, `Error`), as kubectl prints them.
                        if let reason = status[path: ["state", "terminated", "reason"]]?.stringValue { return .string(reason) }
                    }
                    return object[path: ["status", "phase"]] ?? "Pending"
                },
                Column(name: "Restarts", type: "integer") { object, _ in
                    .int((object[path: ["status", "containerStatuses"]]?.arrayValue ?? []).reduce(0) { $0 + Int($1["restartCount"]?.int64Value ?? 0) })
                },
                ageColumn,
                Column(name: "IP", wide: true) { object, _ in object[path: ["status", "podIP"]] ?? "<none>" },
                Column(name: "Node", wide: true) { object, _ in object[path: ["spec", "nodeName"]] ?? "<none>" },
            ]
        case ("apps", "deployments"):
            return [
                nameColumn,
                Column(name: "Ready") { object, _ in .string("\(int(object, "status", "readyReplicas"))/\(int(object, "spec", "replicas"))") },
                Column(name: "Up-to-date", type: "integer") { object, _ in .int(int(object, "status", "updatedReplicas")) },
                Column(name: "Available", type: "integer") { object, _ in .int(int(object, "status", "availableReplicas")) },
                ageColumn,
                Column(name: "Containers", wide: true) { object, _ in .string(containerField(object, "name")) },
                Column(name: "Images", wide: true) { object, _ in .string(containerField(object, "image")) },
            ]
        case ("apps", "replicasets"):
            return [
                nameColumn,
                Column(name: "Desired", type: "integer") { object, _ in .int(int(object, "spec", "replicas")) },
                Column(name: "Current", type: "integer") { object, _ in .int(int(object, "status", "replicas")) },
                Column(name: "Ready", type: "integer") { object, _ in .int(int(object, "status", "readyReplicas")) },
                ageColumn,
            ]
        case ("apps", "statefulsets"):
            return [
                nameColumn,
                Column(name: "Ready") { object, _ in .string("\(int(object, "status", "readyReplicas"))/\(int(object, "spec", "replicas"))") },
                ageColumn,
            ]
        case ("", "services"):
            return [
                nameColumn,
                Column(name: "Type") { object, _ in object[path: ["spec", "type"]] ?? "ClusterIP" },
                Column(name: "Cluster-IP") { object, _ in object[path: ["spec", "clusterIP"]] ?? "<none>" },
                Column(name: "External-IP") { object, _ in
                    let ingress = object[path: ["status", "loadBalancer", "ingress"]]?.arrayValue ?? []
                    let addresses = ingress.compactMap { $0["ip"]?.stringValue ?? $0["hostname"]?.stringValue }
                    if !addresses.isEmpty { return .string(addresses.joined(separator: ",")) }
                    return object[path: ["spec", "type"]] == "LoadBalancer" ? "<pending>" : "<none>"
                },
                Column(name: "Port(s)") { object, _ in
                    let ports = (object[path: ["spec", "ports"]]?.arrayValue ?? []).map { port in
                        "\(port["port"]?.numberValue?.literal ?? "")/\(port["protocol"]?.stringValue ?? "TCP")"
                    }
                    return .string(ports.isEmpty ? "<none>" : ports.joined(separator: ","))
                },
                ageColumn,
                Column(name: "Selector", wide: true) { object, _ in
                    let selector = object[path: ["spec", "selector"]]?.objectValue ?? [:]
                    let pairs = selector.map { "\($0.key)=\($0.value.stringValue ?? "")" }.sorted()
                    return .string(pairs.isEmpty ? "<none>" : pairs.joined(separator: ","))
                },
            ]
        case ("", "configmaps"):
            return [nameColumn, Column(name: "Data", type: "integer") { object, _ in .int((object["data"]?.objectValue?.count ?? 0) + (object["binaryData"]?.objectValue?.count ?? 0)) }, ageColumn]
        case ("", "secrets"):
            return [
                nameColumn, Column(name: "Type") { object, _ in object["type"] ?? "Opaque" },
                Column(name: "Data", type: "integer") { object, _ in .int(object["data"]?.objectValue?.count ?? 0) }, ageColumn,
            ]
        case ("", "namespaces"):
            return [nameColumn, Column(name: "Status") { object, _ in object[path: ["status", "phase"]] ?? "Active" }, ageColumn]
        case ("", "nodes"):
            return [
                nameColumn,
                Column(name: "Status") { object, _ in
                    let ready = (object[path: ["status", "conditions"]]?.arrayValue ?? []).first { $0["type"] == "Ready" }
                    return ready?["status"] == "True" ? "Ready" : "NotReady"
                },
                Column(name: "Roles") { _, _ in "<none>" }, ageColumn,
                Column(name: "Version") { object, _ in object[path: ["status", "nodeInfo", "kubeletVersion"]] ?? "" },
            ]
        case ("batch", "jobs"):
            return [
                nameColumn,
                Column(name: "Completions") { object, _ in .string("\(int(object, "status", "succeeded"))/\(object[path: ["spec", "completions"]]?.int64Value ?? 1)") },
                ageColumn,
            ]
        case ("", "events"):
            return [
                Column(name: "Last Seen") { object, now in .string(age(of: object, now: now, field: "lastTimestamp")) },
                Column(name: "Type") { object, _ in object["type"] ?? "" },
                Column(name: "Reason") { object, _ in object["reason"] ?? "" },
                Column(name: "Object") { object, _ in
                    .string("\((object[path: ["involvedObject", "kind"]]?.stringValue ?? "").lowercased())/\(object[path: ["involvedObject", "name"]]?.stringValue ?? "")")
                },
                Column(name: "Message") { object, _ in object["message"] ?? "" },
                nameColumn,
            ]
        default:
            guard !info.printerColumns.isEmpty else { return [nameColumn, ageColumn] }
            // As kube-apiserver: the name, the definition's columns, and Age unless one is named so.
            var columns = [nameColumn]
            for printer in info.printerColumns {
                columns.append(Column(name: printer.name, type: printer.type, wide: printer.priority > 0) { object, _ in printer.cell(object) })
            }
            if !info.printerColumns.contains(where: { $0.name == "Age" }) { columns.append(ageColumn) }
            return columns
        }
    }

    private static func int(_ object: JSONValue, _ path: String...) -> Int {
        Int(object[path: path]?.int64Value ?? 0)
    }

    private static func containerField(_ object: JSONValue, _ field: String) -> String {
        (object[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? []).compactMap { $0[field]?.stringValue }.joined(separator: ",")
    }

    private static func age(of object: JSONValue, now: Date, field: String? = nil) -> String {
        let text = field.flatMap { object[$0]?.stringValue } ?? object[path: ["metadata", "creationTimestamp"]]?.stringValue
        guard let text, let date = Timestamps.parse(text) else { return "<unknown>" }
        return HumanDuration.format(now.timeIntervalSince(date))
    }
}
