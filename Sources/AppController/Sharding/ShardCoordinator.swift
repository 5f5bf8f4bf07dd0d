import Foundation
import KubeClient
import KubeModel

/// Which shards of the application controller are alive, so that work is split between the live
/// ones. Each replica holds the Lease `wharf-application-controller-shard-<N>` of its own shard and
/// renews it; a shard whose Lease has not been renewed for its duration (judged on this replica's
/// clock from when it last saw the Lease change, so clock skew does not matter) is dead, and its
/// share goes to the others until it comes back.
actor ShardCoordinator {
    static let leases = GroupVersionResource(group: "coordination.k8s.io", version: "v1", resource: "leases")
    static let leasePrefix = "wharf-application-controller-shard-"

    let configuration: ShardingConfiguration
    private let client: KubeClient
    private let namespace: String
    private let leaseInformer: SharedInformer
    private var holding = false
    /// Each other shard's Lease as last seen: its renew time and when it last changed.
    private var observed: [Int: (renewTime: String, seenAt: ContinuousClock.Instant, duration: Duration)] = [:]
    /// The live shards, in order.
    private(set) var live: [Int]
    private let (changeStream, changeContinuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))

    init(configuration: ShardingConfiguration, client: KubeClient, namespace: String) {
        self.configuration = configuration
        self.client = client
        self.namespace = namespace
        leaseInformer = SharedInformer(client: client, resource: Self.leases, namespace: namespace, kind: "Lease")
        live = configuration.replicas > 1 ? [] : [configuration.shard]
    }

    /// Whether sharding is on at all.
    nonisolated var isSharded: Bool { configuration.replicas > 1 }

    /// Signals each change of the live shards.
    nonisolated var changes: AsyncStream<Void> { changeStream }

    /// Whether this replica is responsible for `key` (a cluster ID, or an application name with
    /// application scope); `pinned` is the shard a cluster Secret names, honoured while it is alive.
    /// `keys` are all keys, which the round-robin and consistent-hashing algorithms need.
    func owns(_ key: String, pinned: Int?, keys: () -> [String]) -> Bool {
        guard isSharded else { return true }
        guard holding else { return false }
        if let pinned, live.contains(pinned) { return pinned == configuration.shard }
        let algorithm = configuration.scope == .application ? .legacy : configuration.algorithm
        if algorithm == .legacy { return algorithm.assign([key], to: live)[key] == configuration.shard }
        return algorithm.assign(keys(), to: live)[key] == configuration.shard
    }

    /// Holds this shard's Lease and follows the others' until the calling task is cancelled.
    func run() async {
        guard isSharded else { return }
        let election = LeaderElector(
            client: client,
            configuration: {
                var settings = LeaderElectionConfiguration(
                    namespace: namespace, name: "\(Self.leasePrefix)\(configuration.shard)",
                    identity: "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)")
                settings.leaseDuration = configuration.leaseDuration
                settings.renewDeadline = configuration.leaseDuration * 2 / 3
                settings.retryPeriod = configuration.leaseDuration / 5
                return settings
            }())
        await withDiscardingTaskGroup { group in
            group.addTask { [leaseInformer] in await leaseInformer.run() }
            group.addTask { [weak self] in
                // Holding the Lease is what makes this replica a live shard; losing it stops its work
                // until it holds it again.
                while !Task.isCancelled {
                    await election.run { [weak self] in
                        await self?.setHolding(true)
                        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
                    }
                    await self?.setHolding(false)
                    try? await Task.sleep(for: .seconds(1))
                }
            }
            await leaseInformer.waitForCacheSync()
            // Expiry is a matter of time passing, which no watch event reports: look at the cached
            // Leases a few times per lease duration (no request is made).
            while !Task.isCancelled {
                await evaluate()
                try? await Task.sleep(for: configuration.leaseDuration / 5)
            }
        }
    }

    private func setHolding(_ value: Bool) {
        guard holding != value else { return }
        holding = value
        recomputeLive()
    }

    private func evaluate() async {
        let now = ContinuousClock.now
        for lease in await leaseInformer.list() where lease.name.hasPrefix(Self.leasePrefix) {
            guard let shard = Int(lease.name.dropFirst(Self.leasePrefix.count)), shard != configuration.shard else { continue }
            let holder = lease[path: "spec", "holderIdentity"]?.stringValue ?? ""
            let renewTime = holder.isEmpty ? "" : lease[path: "spec", "renewTime"]?.stringValue ?? ""
            let duration = Duration.seconds(lease[path: "spec", "leaseDurationSeconds"]?.int64Value ?? 15)
            if observed[shard]?.renewTime != renewTime { observed[shard] = (renewTime, now, duration) }
        }
        recomputeLive()
    }

    private func recomputeLive() {
        let now = ContinuousClock.now
        var shards = observed.filter { !$0.value.renewTime.isEmpty && now - $0.value.seenAt < $0.value.duration }.map(\.key)
        if holding { shards.append(configuration.shard) }
        shards.sort()
        if shards != live {
            live = shards
            changeContinuation.yield()
        }
    }
}
