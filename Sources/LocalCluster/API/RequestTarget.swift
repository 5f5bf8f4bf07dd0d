/// What a request URL path names, per the Kubernetes API's URL layout.
public enum RequestTarget: Sendable {
    case version
    case health
    case coreVersions
    case groupList
    case group(String)
    case resourceList(group: String, version: String)
    case openAPIRoot
    case openAPIDocument(group: String, version: String)
    case openAPIv2
    case resource(ResourceRequest)

    /// Resolves `path` against the served resources.
    /// - Throws: ``APIError`` 404 when the path names nothing served.
    public static func resolve(_ path: String, registry: ResourceRegistry) throws(APIError) -> RequestTarget {
        let parts = path.split(separator: "/").map(String.init)
        switch parts.first {
        case "version": return .version
        case "healthz", "livez", "readyz": return .health
        case "openapi":
            if parts.count == 2 && parts[1] == "v2" { return .openAPIv2 }
            guard parts.count >= 2, parts[1] == "v3" else { throw APIError.notFound(path: path) }
            if parts.count == 2 { return .openAPIRoot }
            if parts.count == 4 && parts[2] == "api" { return .openAPIDocument(group: "", version: parts[3]) }
            if parts.count == 5 && parts[2] == "apis" { return .openAPIDocument(group: parts[3], version: parts[4]) }
            throw APIError.notFound(path: path)
        case "api":
            if parts.count == 1 { return .coreVersions }
            return try resolveResource(group: "", version: parts[1], rest: parts.dropFirst(2), path: path, registry: registry)
        case "apis":
            if parts.count == 1 { return .groupList }
            if parts.count == 2 { return .group(parts[1]) }
            return try resolveResource(group: parts[1], version: parts[2], rest: parts.dropFirst(3), path: path, registry: registry)
        default:
            throw APIError.notFound(path: path)
        }
    }

    private static func resolveResource(
        group: String, version: String, rest: ArraySlice<String>, path: String, registry: ResourceRegistry
    ) throws(APIError) -> RequestTarget {
        guard let first = rest.first else {
            guard registry.resources(apiVersion: group.isEmpty ? version : "\(group)/\(version)") != nil else {
                throw APIError.notFound(path: path)
            }
            return .resourceList(group: group, version: version)
        }
        var remaining = rest
        var namespace = ""
        // `namespaces/NS/RESOURCE...` scopes a namespaced resource; `namespaces/NAME[/status|/finalize]`
        // is the Namespace object itself, as in Kubernetes' request resolver.
        let namespaceSubresources: Set<String> = ["status", "finalize"]
        let isNamespaceSubresource = remaining.count == 3 && namespaceSubresources.contains(remaining[remaining.startIndex + 2])
        if first == "namespaces" && remaining.count >= 3 && !isNamespaceSubresource {
            namespace = remaining[remaining.startIndex + 1]
            remaining = remaining.dropFirst(2)
        }
        let resourceName = remaining.first!
        guard let info = registry.resource(group: group, version: version, resource: resourceName) else {
            throw APIError.notFound(path: path)
        }
        remaining = remaining.dropFirst()
        if !namespace.isEmpty && !info.namespaced { throw APIError.notFound(path: path) }
        let name = remaining.first
        let subresource = remaining.count >= 2 ? remaining[remaining.startIndex + 1] : nil
        guard remaining.count <= 2 else { throw APIError.notFound(path: path) }
        if let subresource {
            let known = (subresource == "status" && info.hasStatus) || (subresource == "scale" && info.scale != nil)
                || (subresource == "finalize" && info.resource == "namespaces" && info.group.isEmpty)
            guard known else { throw APIError.notFound(path: path) }
        }
        return .resource(ResourceRequest(info: info, namespace: namespace, name: name, subresource: subresource))
    }
}
