public import KubeModel

/// What an API server serves, read once and kept: groups, their versions, and every resource with
/// its kind, scope and verbs. Resolving a kind that is not known reads discovery again (a CRD may
/// have just been installed), at most once per ``minimumRefreshInterval``, so that a typo cannot
/// turn into a discovery storm.
public actor DiscoveryCache {
    private let transport: KubeTransport
    private var snapshot: Snapshot?
    private var loadedAt: ContinuousClock.Instant?
    /// The shortest time between two re-reads triggered by unknown kinds.
    public var minimumRefreshInterval: Duration = .seconds(2)

    /// All resources, and the preferred version of each group.
    struct Snapshot: Sendable {
        var resources: [APIResource] = []
        var byKind: [GroupVersionKind: APIResource] = [:]
        var byResource: [GroupVersionResource: APIResource] = [:]
        var preferredVersion: [String: String] = [:]
        /// Versions of each group, preferred first.
        var versions: [String: [String]] = [:]
    }

    init(transport: KubeTransport) {
        self.transport = transport
    }

    /// Every resource of every served version (subresources excluded).
    public func resources() async throws(KubeError) -> [APIResource] {
        try await current().resources
    }

    /// The resources of each group's preferred version: one entry per kind, as kubectl shows them.
    public func preferredResources() async throws(KubeError) -> [APIResource] {
        let snapshot = try await current()
        return snapshot.resources.filter { snapshot.preferredVersion[$0.groupVersionResource.group] == $0.groupVersionResource.version }
    }

    /// The resource serving `kind`, re-reading discovery once if it is unknown.
    /// - Throws: ``KubeError`` `notFound` with kubectl's wording when the server does not serve it.
    public func resource(for kind: GroupVersionKind) async throws(KubeError) -> APIResource {
        if let found = try await current().byKind[kind] { return found }
        if let found = try await refreshed()?.byKind[kind] { return found }
        throw KubeError(.notFound, "no matches for kind \"\(kind.kind)\" in version \"\(kind.apiVersion)\"")
    }

    /// The resource for `resource`, re-reading discovery once if it is unknown.
    public func resource(for resource: GroupVersionResource) async throws(KubeError) -> APIResource {
        if let found = try await current().byResource[resource] { return found }
        if let found = try await refreshed()?.byResource[resource] { return found }
        throw KubeError(.notFound, "the server doesn't have a resource type \"\(resource.resource)\" in \(resource.apiVersion)")
    }

    /// The resource of `kind` in `group` at the group's preferred version (`Deployment` in `apps` → `apps/v1`).
    public func preferredResource(group: String, kind: String) async throws(KubeError) -> APIResource {
        func find(_ snapshot: Snapshot) -> APIResource? {
            for version in snapshot.versions[group] ?? [] {
                if let found = snapshot.byKind[GroupVersionKind(group: group, version: version, kind: kind)] { return found }
            }
            return nil
        }
        if let found = find(try await current()) { return found }
        if let snapshot = try await refreshed(), let found = find(snapshot) { return found }
        throw KubeError(.notFound, "the server doesn't have a resource of kind \"\(kind)\" in group \"\(group)\"")
    }

    /// Forgets everything; the next question reads discovery again.
    public func invalidate() {
        snapshot = nil
        loadedAt = nil
    }

    private func current() async throws(KubeError) -> Snapshot {
        if let snapshot { return snapshot }
        return try await load()
    }

    /// A fresh snapshot, or nil if the last one is too recent to re-read.
    private func refreshed() async throws(KubeError) -> Snapshot? {
        if let loadedAt, ContinuousClock.now - loadedAt < minimumRefreshInterval { return nil }
        return try await load()
    }

    private func load() async throws(KubeError) -> Snapshot {
        var groupVersions: [(group: String, version: String)] = []
        var next = Snapshot()
        let core = try await get("/api")
        let coreVersions = (core["versions"]?.arrayValue ?? []).compactMap(\.stringValue)
        next.versions[""] = coreVersions
        next.preferredVersion[""] = coreVersions.first
        groupVersions += coreVersions.map { ("", $0) }
        let groups = try await get("/apis")
        for group in groups["groups"]?.arrayValue ?? [] {
            guard let name = group["name"]?.stringValue else { continue }
            let versions = (group["versions"]?.arrayValue ?? []).compactMap { $0["version"]?.stringValue }
            let preferred = group[path: ["preferredVersion", "version"]]?.stringValue ?? versions.first
            next.preferredVersion[name] = preferred
            next.versions[name] = (preferred.map { [$0] } ?? []) + versions.filter { $0 != preferred }
            groupVersions += versions.map { (name, $0) }
        }
        let results = await withTaskGroup(of: Result<(String, String, JSONValue), KubeError>.self) { tasks in
            for (group, version) in groupVersions {
                tasks.addTask { [self] in
                    do throws(KubeError) {
                        return .success((group, version, try await self.get(group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)")))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var results: [Result<(String, String, JSONValue), KubeError>] = []
            for await result in tasks { results.append(result) }
            return results
        }
        var lists: [(String, String, JSONValue)] = []
        for result in results { lists.append(try result.get()) }
        for (group, version, list) in lists.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            var subresources: [String: Set<String>] = [:]
            var entries: [JSONValue] = []
            for entry in list["resources"]?.arrayValue ?? [] {
                guard let name = entry["name"]?.stringValue else { continue }
                if let slash = name.firstIndex(of: "/") {
                    subresources[String(name[..<slash]), default: []].insert(String(name[name.index(after: slash)...]))
                } else {
                    entries.append(entry)
                }
            }
            for entry in entries {
                let name = entry["name"]?.stringValue ?? ""
                let resource = APIResource(
                    groupVersionResource: GroupVersionResource(group: group, version: version, resource: name),
                    kind: entry["kind"]?.stringValue ?? "", namespaced: entry["namespaced"]?.boolValue ?? false,
                    verbs: Set((entry["verbs"]?.arrayValue ?? []).compactMap(\.stringValue)),
                    shortNames: (entry["shortNames"]?.arrayValue ?? []).compactMap(\.stringValue),
                    subresources: subresources[name] ?? [])
                next.resources.append(resource)
                next.byKind[resource.groupVersionKind] = resource
                next.byResource[resource.groupVersionResource] = resource
            }
        }
        snapshot = next
        loadedAt = .now
        return next
    }

    private nonisolated func get(_ path: String) async throws(KubeError) -> JSONValue {
        let response = try await transport.send(KubeRequest(method: "GET", path: path, verb: "get", resource: path))
        do {
            return try JSONParser.parse(bytes: response.body)
        } catch {
            throw KubeError(.badResponse, "discovery answer is not JSON: \(error)", request: "GET \(path)")
        }
    }
}
