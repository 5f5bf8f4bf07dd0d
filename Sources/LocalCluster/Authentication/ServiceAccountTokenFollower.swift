import ServiceLifecycle

/// Keeps ``ServiceAccountTokens`` current by following Secrets and ServiceAccounts in the store, from
/// the versions its initial ``ServiceAccountTokens/load(from:)`` listed, until graceful shutdown.
struct ServiceAccountTokenFollower: Service {
    let store: ObjectStore
    let tokens: ServiceAccountTokens
    /// The resource version each resource was listed at.
    let listedVersions: [String: Int64]

    func run() async {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for storage in [ServiceAccountTokenSecret.secrets, ServiceAccountTokenSecret.serviceAccounts] {
                    group.addTask {
                        await StorageFollower(store: store, storage: storage).follow(from: listedVersions[storage]) { event in
                            tokens.apply(event)
                        } relisted: {
                            tokens.removeAll(storage: storage)
                        }
                    }
                }
            }
        }
    }
}
