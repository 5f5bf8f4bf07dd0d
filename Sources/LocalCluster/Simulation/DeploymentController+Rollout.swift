import Foundation
import KubeModel

/// The three ways a Deployment moves its ReplicaSets: rolling update, Recreate, and scaling only while paused.
extension DeploymentController {
    /// One step of a rolling update: scale the new ReplicaSet up within maxSurge; if nothing changed,
    /// scale old ones down within maxUnavailable, unhealthy pods first. Each step's writes bring the
    /// ReplicaSets' changes back here for the next step. Returns all ReplicaSets as they now are.
    func rolloutRolling(_ deployment: JSONValue, newSet: JSONValue, old: [JSONValue]) async -> [JSONValue] {
        let desired = deployment.int("spec", "replicas")
        let limits = RolloutLimits(deployment)
        let all = [newSet] + old
        let newReplicas = newSet.int("spec", "replicas")
        var target = newReplicas
        if newReplicas > desired {
            target = desired
        } else if newReplicas < desired {
            let current = all.reduce(0) { $0 + $1.int("spec", "replicas") }
            let maxTotal = desired + limits.maxSurge
            if current < maxTotal { target = newReplicas + min(maxTotal - current, desired - newReplicas) }
        }
        if target != newReplicas {
            return [await scale(newSet, to: target, for: deployment)] + old
        }
        return [newSet] + (await scaleDownOld(deployment, newSet: newSet, old: old, limits: limits))
    }

    private func scaleDownOld(_ deployment: JSONValue, newSet: JSONValue, old: [JSONValue], limits: RolloutLimits) async -> [JSONValue] {
        let oldReplicas = old.reduce(0) { $0 + $1.int("spec", "replicas") }
        guard oldReplicas > 0 else { return old }
        let desired = deployment.int("spec", "replicas")
        let allReplicas = oldReplicas + newSet.int("spec", "replicas")
        let minAvailable = desired - RolloutLimits.availabilityAllowance(deployment)
        let newUnavailable = newSet.int("spec", "replicas") - newSet.int("status", "availableReplicas")
        let maxScaledDown = allReplicas - minAvailable - newUnavailable
        guard maxScaledDown > 0 else { return old }
        var sets = old.sorted { ($0.creationDate ?? .distantPast, $0.name) < ($1.creationDate ?? .distantPast, $1.name) }
        // First the pods that are not available anyway: removing them costs no availability.
        var cleaned = 0
        for index in sets.indices where cleaned < maxScaledDown {
            let replicas = sets[index].int("spec", "replicas")
            let unhealthy = replicas - sets[index].int("status", "availableReplicas")
            guard replicas > 0, unhealthy > 0 else { continue }
            let count = min(maxScaledDown - cleaned, unhealthy)
            sets[index] = await scale(sets[index], to: replicas - count, for: deployment)
            cleaned += count
        }
        // Then available pods, as far as the minimum availability allows.
        let available = ([newSet] + sets).reduce(0) { $0 + $1.int("status", "availableReplicas") }
        let allowed = available - minAvailable
        var scaledDown = 0
        for index in sets.indices where scaledDown < allowed {
            let replicas = sets[index].int("spec", "replicas")
            guard replicas > 0 else { continue }
            let count = min(replicas, allowed - scaledDown)
            sets[index] = await scale(sets[index], to: replicas - count, for: deployment)
            scaledDown += count
        }
        return sets
    }

    /// Recreate: scale every old ReplicaSet to zero, wait until their pods are gone, then scale the new
    /// one (created only then) to the desired replicas.
    func rolloutRecreate(_ deployment: JSONValue, newSet: JSONValue?, old: [JSONValue]) async -> [JSONValue] {
        var sets = old
        for index in sets.indices where sets[index].int("spec", "replicas") > 0 {
            sets[index] = await scale(sets[index], to: 0, for: deployment)
        }
        guard let newSet else { return sets }
        if sets.contains(where: { $0.int("status", "replicas") > 0 }) { return [newSet] + sets }
        let desired = deployment.int("spec", "replicas")
        if newSet.int("spec", "replicas") != desired {
            return [await scale(newSet, to: desired, for: deployment)] + sets
        }
        return [newSet] + sets
    }

    /// A paused Deployment does not roll out, but `kubectl scale` still applies to the ReplicaSet that
    /// runs its pods when only one does.
    func scaleWhilePaused(_ deployment: JSONValue, newSet: JSONValue?, all: [JSONValue]) async -> [JSONValue] {
        let active = all.filter { $0.int("spec", "replicas") > 0 }
        guard active.count <= 1, let target = active.first ?? newSet else { return all }
        let desired = deployment.int("spec", "replicas")
        guard target.int("spec", "replicas") != desired else { return all }
        let scaled = await scale(target, to: desired, for: deployment)
        return all.map { $0.uid == scaled.uid ? scaled : $0 }
    }
}
