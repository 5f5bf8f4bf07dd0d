import ServiceLifecycle

/// Keeps an ``RBACAuthorizer``'s index current by following the four RBAC resources in the store, from
/// the versions its initial ``RBACAuthorizer/load(from:)`` listed, until graceful shutdown.
struct RBACFollower: Service {
    let store: ObjectStore
    let authorizer: RBACAuthorizer
    /// The resource version each RBAC resource was listed at.
    let listedVersions: [String: Int64]

    func run() async {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for storage in RBACPolicy.storages {
                    group.addTask {
                        await StorageFollower(store: store, storage: storage).follow(from: listedVersions[storage]) { event in
                            authorizer.apply(event)
                        } relisted: {
                            authorizer.removeAll(storage: storage)
                        }
                    }
                }
            }
        }
    }
}
