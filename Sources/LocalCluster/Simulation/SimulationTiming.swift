import Foundation
import KubeModel

/// How long simulated things take. The fast profile takes no time at all, so tests never wait; the
/// realistic profile draws each delay from a range, deterministically per object (seeded by its UID),
/// so that looking at an object again computes the same moment instead of a new random one.
struct SimulationTiming: Sendable {
    let profile: LocalClusterConfiguration.Profile

    /// From scheduling to the containers running (image pull, container start).
    func containerStart(_ uid: String) -> TimeInterval { jitter(uid, "start", 0.5...3) }

    /// From running to ready (readiness probes passing).
    func readiness(_ uid: String) -> TimeInterval { jitter(uid, "ready", 0.2...2) }

    /// How long a Job's pod runs before it completes.
    func jobRun(_ uid: String) -> TimeInterval { jitter(uid, "run", 1...5) }

    /// How long a cloud takes to provision a load balancer or a volume.
    func provisioning(_ uid: String) -> TimeInterval { jitter(uid, "provision", 0.5...2) }

    /// The pause between a container's crashes: Kubernetes' back-off of 10 s doubling up to 5 minutes,
    /// in both profiles, since it is what users see as a crash loop.
    func crashBackOff(restartCount: Int) -> TimeInterval {
        min(300, 10 * pow(2, Double(max(0, restartCount - 1))))
    }

    private func jitter(_ uid: String, _ salt: String, _ range: ClosedRange<Double>) -> TimeInterval {
        switch profile {
        case .fast: 0
        case .realistic: range.lowerBound + (range.upperBound - range.lowerBound) * FNVHash.fraction(uid + salt)
        }
    }
}

extension TimeInterval {
    /// The interval as a `Duration` for timers, never negative.
    var duration: Duration { .milliseconds(Int64(Swift.max(0, self) * 1000)) }
}
