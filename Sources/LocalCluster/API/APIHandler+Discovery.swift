public import KubeModel

extension APIHandler {
    private static let subresourceVerbs: [JSONValue] = ["get", "patch", "update"]

    /// `/api`: the core group's versions.
    func discoveryCoreVersions() -> JSONValue {
        [
            "kind": "APIVersions", "versions": ["v1"],
            "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": ""]],
        ]
    }

    /// `/apis`: every named group.
    func discoveryGroupList() -> JSONValue {
        ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(registry.groups().map(groupJSON))]
    }

    /// `/apis/GROUP`.
    func discoveryGroup(_ name: String) throws(APIError) -> JSONValue {
        guard let group = registry.groups().first(where: { $0.name == name }) else {
            throw APIError.notFound(path: "/apis/\(name)")
        }
        var json = groupJSON(group)
        json["kind"] = "APIGroup"
        json["apiVersion"] = "v1"
        return json
    }

    /// `/api/v1` or `/apis/GROUP/VERSION`: the resources with their verbs and subresources.
    func discoveryResources(group: String, version: String) throws(APIError) -> JSONValue {
        let apiVersion = group.isEmpty ? version : "\(group)/\(version)"
        guard let resources = registry.resources(apiVersion: apiVersion) else {
            throw APIError.notFound(path: group.isEmpty ? "/api/\(version)" : "/apis/\(apiVersion)")
        }
        var entries: [JSONValue] = []
        for info in resources {
            var entry: JSONObject = [
                "name": .string(info.resource), "singularName": .string(info.singular), "namespaced": .bool(info.namespaced),
                "kind": .string(info.kind), "verbs": .array(info.verbs.map(\.rawValue).sorted().map(JSONValue.string)),
            ]
            if !info.shortNames.isEmpty { entry["shortNames"] = .array(info.shortNames.map(JSONValue.string)) }
            if !info.categories.isEmpty { entry["categories"] = .array(info.categories.map(JSONValue.string)) }
            entries.append(.object(entry))
            if info.hasStatus {
                entries.append([
                    "name": .string(info.resource + "/status"), "singularName": "", "namespaced": .bool(info.namespaced),
                    "kind": .string(info.kind), "verbs": .array(Self.subresourceVerbs),
                ])
            }
            if info.scale != nil {
                entries.append([
                    "name": .string(info.resource + "/scale"), "singularName": "", "namespaced": .bool(info.namespaced),
                    "group": "autoscaling", "version": "v1", "kind": "Scale", "verbs": .array(Self.subresourceVerbs),
                ])
            }
            if info.resource == "namespaces" && info.group.isEmpty {
                entries.append(["name": "namespaces/finalize", "singularName": "", "namespaced": false, "kind": "Namespace", "verbs": ["update"]])
            }
        }
        return ["kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(apiVersion), "resources": .array(entries)]
    }

    private func groupJSON(_ group: (name: String, versions: [String], preferred: String)) -> JSONValue {
        let versions: [JSONValue] = group.versions.map { ["groupVersion": .string("\(group.name)/\($0)"), "version": .string($0)] }
        return [
            "name": .string(group.name), "versions": .array(versions),
            "preferredVersion": ["groupVersion": .string("\(group.name)/\(group.preferred)"), "version": .string(group.preferred)],
        ]
    }
}
