import Synchronization

/// Decides whether a user may make a request: members of `system:masters` always may; everyone else
/// as the cluster's Roles, ClusterRoles and their bindings say, from an index the store's watch keeps
/// current, so that deciding costs a few dictionary lookups and never a list.
final class RBACAuthorizer: Sendable {
    private let policy = Mutex(RBACPolicy())

    /// Creates an authorizer with no RBAC objects yet: until ``load(from:)`` or the watch feeds it,
    /// only `system:masters` is allowed anything.
    init() {}

    /// The decision for one request.
    func authorize(_ request: AuthorizationAttributes) -> AuthorizationDecision {
        if request.user.isPrivileged { return .privileged }
        // Evaluate on a copy, so that the lock is held only for the copy (reference counts) and writers
        // never wait for an evaluation.
        let snapshot = policy.withLock { $0 }
        return snapshot.authorize(request)
    }

    /// The rules RBAC grants `user` in `namespace`, and why they may be incomplete.
    func rules(of user: UserInfo, in namespace: String) -> (rules: [PolicyRule], incompleteBecause: String?) {
        policy.withLock { $0 }.rules(of: user, in: namespace)
    }

    /// Applies one change to an RBAC object.
    func apply(_ event: WatchEvent) {
        policy.withLock { $0.apply(event) }
    }

    /// Forgets one RBAC resource's objects before they are listed again.
    func removeAll(storage: String) {
        policy.withLock { $0.removeAll(storage: storage) }
    }

    /// Lists the RBAC objects into the index, so that requests are decided correctly from the first one.
    /// - Returns: The resource version of each list, for watching from there.
    func load(from store: ObjectStore) async -> [String: Int64] {
        var versions: [String: Int64] = [:]
        for storage in RBACPolicy.storages {
            let (items, version) = await store.list(WatchFilter(storage: storage))
            for (key, object) in items { apply(WatchEvent(type: .added, key: key, object: object)) }
            versions[storage] = version
        }
        return versions
    }
}
