import KubeModel

extension AppProject {
    /// Whether applications of the project may use the repository `repoURL`: a pattern matches it and
    /// no `!` pattern excludes it. URLs are compared without a trailing `.git` or `/`, as upstream
    /// normalises them.
    public func permitsSource(_ repoURL: String) -> Bool {
        let url = Self.normalizedRepository(repoURL)
        var permitted = false
        for pattern in sourceRepos {
            if Glob.isDenyPattern(pattern) {
                if !Glob.projectPatternMatches(Self.normalizedRepository(pattern), url) { return false }
            } else if pattern == "*" || Glob.projectPatternMatches(Self.normalizedRepository(pattern), url) {
                permitted = true
            }
        }
        return permitted
    }

    /// Whether applications of the project may deploy to `destination` (whose `server` and `name` are
    /// both filled in when the cluster is known): some entry matches the cluster (by server or name)
    /// and the namespace, and no `!` entry excludes them.
    public func permitsDestination(_ destination: ProjectDestination) -> Bool {
        var matched = false
        for entry in destinations {
            let nameMatches = !destination.name.isEmpty && !entry.name.isEmpty && Glob.projectPatternMatches(entry.name, destination.name)
            let serverMatches = !destination.server.isEmpty && !entry.server.isEmpty && Glob.projectPatternMatches(entry.server, destination.server)
            let namespaceMatches = Glob.projectPatternMatches(entry.namespace, destination.namespace)
            if (nameMatches || serverMatches) && namespaceMatches {
                matched = true
            } else if namespaceMatches,
                (Glob.isDenyPattern(entry.name) && !nameMatches) || (Glob.isDenyPattern(entry.server) && !serverMatches)
            {
                return false
            } else if !namespaceMatches, Glob.isDenyPattern(entry.namespace), serverMatches || nameMatches {
                return false
            }
        }
        return matched
    }

    /// Whether the project lets its applications manage the kind `kind` of `group`: cluster-scoped
    /// kinds must be whitelisted (an empty list allows none) and not blacklisted; namespaced kinds
    /// must not be blacklisted and, when a whitelist is given, be on it.
    public func permitsKind(group: String, kind: String, namespaced: Bool) -> Bool {
        if namespaced {
            if namespaceResourceBlacklist.contains(where: { $0.matches(group: group, kind: kind) }) { return false }
            return namespaceResourceWhitelist.isEmpty || namespaceResourceWhitelist.contains { $0.matches(group: group, kind: kind) }
        }
        if clusterResourceBlacklist.contains(where: { $0.matches(group: group, kind: kind) }) { return false }
        return clusterResourceWhitelist.contains { $0.matches(group: group, kind: kind) }
    }

    /// Whether an Application in `namespace` may use the project: always in the control namespace,
    /// elsewhere only when `sourceNamespaces` names it.
    public func permitsApplicationNamespace(_ namespace: String, controlNamespace: String) -> Bool {
        namespace == controlNamespace || sourceNamespaces.contains { Glob.projectPatternMatches($0, namespace) }
    }

    /// The sync windows that apply to application `application` deploying to `destination`.
    public func syncWindows(application: String, destination: ProjectDestination) -> [SyncWindow] {
        syncWindows.filter { $0.matches(application: application, destination: destination) }
    }

    /// The service account a sync to `destination` impersonates: the first matching entry's, as
    /// `system:serviceaccount:<namespace>:<name>`; nil when none matches.
    public func impersonatedServiceAccount(for destination: ProjectDestination) -> String? {
        for entry in destinationServiceAccounts
        where Glob.projectPatternMatches(entry.server, destination.server) && Glob.projectPatternMatches(entry.namespace, destination.namespace) {
            let account = entry.defaultServiceAccount
            guard !account.isEmpty else { continue }
            let parts = account.split(separator: ":", maxSplits: 1)
            let (namespace, name) = parts.count == 2 ? (String(parts[0]), String(parts[1])) : (destination.namespace, account)
            return "system:serviceaccount:\(namespace):\(name)"
        }
        return nil
    }

    /// Whether role token subjects of the project may do `action` on `object` (`project/app`).
    public func roleAllows(_ role: String, resource: String, action: String, object: String) -> Bool {
        roles.first { $0.name == role }?.allows(project: name, resource: resource, action: action, object: object) ?? false
    }

    static func normalizedRepository(_ url: String) -> String {
        var text = url.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        if text.hasSuffix(".git") { text.removeLast(4) }
        return text
    }
}
