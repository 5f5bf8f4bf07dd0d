import ClusterTestSupport
import KubeClient
import KubeModel
import Testing

/// Two replicas competing for one Lease.
@Suite struct LeaderElectionTests {
    private func configuration(_ identity: String, release: Bool) -> LeaderElectionConfiguration {
        var configuration = LeaderElectionConfiguration(namespace: "default", name: "wharf-controller", identity: identity)
        configuration.leaseDuration = .seconds(2)
        configuration.renewDeadline = .milliseconds(1500)
        configuration.retryPeriod = .milliseconds(200)
        configuration.releaseOnCancel = release
        return configuration
    }

    @Test func theStandbyTakesOverWhenTheLeaderStopsRenewing() async throws {
        try await RunningCluster.with { cluster in
            let first = LeaderElector(client: try cluster.client(), configuration: configuration("replica-a", release: false))
            let second = LeaderElector(client: try cluster.client(), configuration: configuration("replica-b", release: false))
            let leading = LeadershipLog()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    await first.run { await leading.record("replica-a"); try? await Task.sleep(for: .seconds(3600)) }
                }
                _ = try await eventually { await leading.leaders == ["replica-a"] ? true : nil }
                group.addTask {
                    await second.run { await leading.record("replica-b"); try? await Task.sleep(for: .seconds(3600)) }
                }
                // While replica-a renews, replica-b waits.
                try await Task.sleep(for: .seconds(3))
                #expect(await leading.leaders == ["replica-a"])
                #expect(try await first.currentLeader() == "replica-a")

                // replica-a stops renewing (its process is gone, without releasing): replica-b takes over.
                group.cancelAll()
                try? await group.waitForAll()
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    await second.run { await leading.record("replica-b"); try? await Task.sleep(for: .seconds(3600)) }
                }
                _ = try await eventually(timeout: .seconds(30)) { await leading.leaders.last == "replica-b" ? true : nil }
                let lease = try await cluster.client().get(Resources.leases, namespace: "default", name: "wharf-controller")
                #expect(lease[path: "spec", "holderIdentity"]?.stringValue == "replica-b")
                #expect(lease[path: "spec", "leaseTransitions"]?.int64Value == 1)
                group.cancelAll()
            }
        }
    }

    @Test func releasingOnStopHandsOverAtOnce() async throws {
        try await RunningCluster.with { cluster in
            var slow = configuration("replica-a", release: true)
            slow.leaseDuration = .seconds(60)
            let first = LeaderElector(client: try cluster.client(), configuration: slow)
            let leading = LeadershipLog()
            let firstLed = await first.run { await leading.record("replica-a") }
            #expect(firstLed)
            // The lease would hold for a minute, but it was released: replica-b leads at once.
            var other = configuration("replica-b", release: true)
            other.leaseDuration = .seconds(60)
            let second = LeaderElector(client: try cluster.client(), configuration: other)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await second.run { await leading.record("replica-b"); try? await Task.sleep(for: .seconds(3600)) } }
                _ = try await eventually(timeout: .seconds(10)) { await leading.leaders.last == "replica-b" ? true : nil }
                group.cancelAll()
            }
        }
    }
}

/// The order in which replicas became leader.
actor LeadershipLog {
    private(set) var leaders: [String] = []

    func record(_ identity: String) {
        leaders.append(identity)
    }
}
