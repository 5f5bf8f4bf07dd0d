extension ApplicationController {
    /// Whether this replica handles `application`: always without sharding; otherwise when its
    /// destination cluster (or, with application scope, the application itself) falls to this
    /// replica's shard among the live ones.
    func handles(_ application: ApplicationView) async -> Bool {
        guard shards.isSharded else { return true }
        if shards.configuration.scope == .application {
            return await shards.owns(application.name, pinned: nil) { [] }
        }
        let (key, pinned) = await clusters.shardingKey(server: application.destinationServer, name: application.destinationName)
        let keys = await clusters.shardingKeys()
        return await shards.owns(key, pinned: pinned) { keys }
    }

    /// Whether this replica handles the cluster at `server`.
    func handlesCluster(server: String) async -> Bool {
        guard shards.isSharded else { return true }
        guard shards.configuration.scope == .cluster else { return true }
        let (key, pinned) = await clusters.shardingKey(server: server, name: nil)
        let keys = await clusters.shardingKeys()
        return await shards.owns(key, pinned: pinned) { keys }
    }
}
