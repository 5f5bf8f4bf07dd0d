import Foundation
public import KubeModel

/// Leader election on a `coordination.k8s.io/v1` Lease, as client-go does it: candidates try to take
/// the lease every retry period; the holder renews it; a lease whose holder has not renewed it for
/// its duration — measured on this replica's own clock from when it last saw the lease change, so
/// that clock skew between replicas does not matter — is taken over. Writes are conditional on the
/// Lease's resourceVersion, so two candidates can never both win.
public struct LeaderElector: Sendable {
    private static let leases = GroupVersionResource(group: "coordination.k8s.io", version: "v1", resource: "leases")

    /// How the elector competes.
    public let configuration: LeaderElectionConfiguration
    private let client: KubeClient

    /// Creates an elector.
    public init(client: KubeClient, configuration: LeaderElectionConfiguration) {
        self.client = client
        self.configuration = configuration
    }

    /// Competes until leading, runs `lead` while leading, and returns when leadership is lost (the
    /// lease could not be renewed within the renew deadline) or the calling task is cancelled; `lead`
    /// is cancelled then. Controllers usually exit when this returns, as client-go's do.
    /// - Returns: Whether this replica led at all.
    @discardableResult
    public func run(lead: @escaping @Sendable () async -> Void) async -> Bool {
        var observed: Observation?
        // Acquire.
        while !Task.isCancelled {
            if await tryAcquireOrRenew(&observed) { break }
            try? await Task.sleep(for: configuration.retryPeriod)
        }
        guard !Task.isCancelled else { return false }
        // Lead, renewing until a renewal misses its deadline.
        let observedAtStart = observed
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await lead() }
            group.addTask {
                var observed = observedAtStart
                var lastRenewal = ContinuousClock.now
                while !Task.isCancelled {
                    try? await Task.sleep(for: configuration.retryPeriod)
                    if Task.isCancelled { break }
                    if await tryAcquireOrRenew(&observed) {
                        lastRenewal = .now
                    } else if ContinuousClock.now - lastRenewal > configuration.renewDeadline {
                        return
                    }
                }
            }
            await group.next()
            group.cancelAll()
        }
        if configuration.releaseOnCancel { await release() }
        return true
    }

    /// The current holder's identity, if the lease is held.
    public func currentLeader() async throws(KubeError) -> String? {
        let lease = try await client.existing(Self.leases, namespace: configuration.namespace, name: configuration.name)
        return lease?[path: "spec", "holderIdentity"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The lease record as this replica last saw it, and when (on this replica's clock).
    struct Observation: Sendable {
        var holder: String?
        var renewTime: String?
        var resourceVersion: String?
        var seenAt: ContinuousClock.Instant
    }

    /// One attempt to take or keep the lease. Failures (network, conflicts) count as not acquired.
    private func tryAcquireOrRenew(_ observed: inout Observation?) async -> Bool {
        let now = Self.microTime(Date())
        let lease: KubeObject?
        do {
            lease = try await client.existing(Self.leases, namespace: configuration.namespace, name: configuration.name)
        } catch {
            return false
        }
        guard var lease else {
            var fresh = KubeObject(apiVersion: "coordination.k8s.io/v1", kind: "Lease", name: configuration.name, namespace: configuration.namespace)
            fresh["spec"] = [
                "holderIdentity": .string(configuration.identity), "leaseDurationSeconds": .int(Self.seconds(configuration.leaseDuration)),
                "acquireTime": .string(now), "renewTime": .string(now), "leaseTransitions": 0,
            ]
            guard let created = try? await client.create(Self.leases, namespace: configuration.namespace, fresh) else { return false }
            observed = Observation(holder: configuration.identity, renewTime: now, resourceVersion: created.resourceVersion, seenAt: .now)
            return true
        }
        let holder = lease[path: "spec", "holderIdentity"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let renewTime = lease[path: "spec", "renewTime"]?.stringValue
        if observed?.holder != holder || observed?.renewTime != renewTime || observed?.resourceVersion != lease.resourceVersion {
            observed = Observation(holder: holder, renewTime: renewTime, resourceVersion: lease.resourceVersion, seenAt: .now)
        }
        let duration = lease[path: "spec", "leaseDurationSeconds"]?.int64Value.map { Duration.seconds($0) } ?? configuration.leaseDuration
        let isMine = holder == configuration.identity
        if holder != nil, !isMine, let seenAt = observed?.seenAt, ContinuousClock.now - seenAt < duration {
            return false
        }
        var spec = lease["spec"] ?? .emptyObject
        if !isMine {
            spec["acquireTime"] = .string(now)
            spec["leaseTransitions"] = .int(Int(spec["leaseTransitions"]?.int64Value ?? 0) + (holder == nil ? 0 : 1))
        }
        spec["holderIdentity"] = .string(configuration.identity)
        spec["leaseDurationSeconds"] = .int(Self.seconds(configuration.leaseDuration))
        spec["renewTime"] = .string(now)
        lease["spec"] = spec
        guard let updated = try? await client.update(Self.leases, namespace: configuration.namespace, lease) else { return false }
        observed = Observation(holder: configuration.identity, renewTime: now, resourceVersion: updated.resourceVersion, seenAt: .now)
        return true
    }

    /// Gives the lease up (holder cleared, duration 1 s) if this replica still holds it.
    private func release() async {
        guard var lease = try? await client.existing(Self.leases, namespace: configuration.namespace, name: configuration.name),
            lease[path: "spec", "holderIdentity"]?.stringValue == configuration.identity
        else { return }
        let now = Self.microTime(Date())
        lease[path: "spec", "holderIdentity"] = .null
        lease[path: "spec", "leaseDurationSeconds"] = 1
        lease[path: "spec", "renewTime"] = .string(now)
        _ = try? await client.update(Self.leases, namespace: configuration.namespace, lease)
    }

    private static func seconds(_ duration: Duration) -> Int {
        max(1, Int(duration.components.seconds))
    }

    /// Kubernetes' MicroTime format: RFC 3339 with microseconds, UTC.
    private static func microTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'"
        return formatter.string(from: date)
    }
}
