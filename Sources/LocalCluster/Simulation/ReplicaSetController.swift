import Foundation
import KubeModel

/// Keeps each ReplicaSet's number of pods at `spec.replicas`, as Kubernetes' ReplicaSet controller does,
/// and reports replicas, fully labeled, ready and available pods (Ready for `minReadySeconds`).
struct ReplicaSetController: Reconciler {
    let client: InProcessClient
    private let events: EventRecorder

    init(client: InProcessClient) {
        self.client = client
        events = EventRecorder(client: client, component: "replicaset-controller")
    }

    var name: String { "replicaset-controller" }
    var watchedStorages: [String] { [SimulatedResources.replicaSets.storageKey, SimulatedResources.pods.storageKey] }

    func keys(for event: WatchEvent, object: JSONValue) async -> [ObjectKey] {
        if event.key.storage == SimulatedResources.replicaSets.storageKey { return [event.key] }
        return InProcessClient.controllerKey(of: object, namespace: event.key.namespace, kind: SimulatedResources.replicaSets).map { [$0] } ?? []
    }

    func reconcile(_ key: ObjectKey) async -> Duration? {
        guard let replicaSet = await client.get(SimulatedResources.replicaSets, namespace: key.namespace, name: key.name),
            !replicaSet.isBeingDeleted
        else { return nil }
        var pods = await client.owned(by: replicaSet, SimulatedResources.pods).filter(\.isActivePod)
        let desired = replicaSet.int("spec", "replicas")
        if pods.count < desired {
            for _ in pods.count..<desired {
                let pod = PodFactory.pod(
                    from: replicaSet[path: ["spec", "template"]] ?? .emptyObject, owner: replicaSet, generateName: "\(replicaSet.name)-")
                do {
                    let created = try await client.create(pod)
                    pods.append(created)
                    await events.record(replicaSet, reason: "SuccessfulCreate", message: "Created pod: \(created.name)")
                } catch {
                    await events.record(replicaSet, .warning, reason: "FailedCreate", message: "Error creating: \(error.message)")
                    break
                }
            }
        } else if pods.count > desired {
            let doomed = Self.deletionOrder(pods).prefix(pods.count - desired)
            for pod in doomed {
                try? await client.delete(SimulatedResources.pods, namespace: pod.namespace, name: pod.name)
                await events.record(replicaSet, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)")
            }
            let removed = Set(doomed.map(\.name))
            pods.removeAll { removed.contains($0.name) }
        }
        return await updateStatus(replicaSet, pods: pods)
    }

    private func updateStatus(_ replicaSet: JSONValue, pods: [JSONValue]) async -> Duration? {
        let now = Date()
        let minReadySeconds = replicaSet.int("spec", "minReadySeconds")
        let templateLabels = replicaSet.stringMap(at: ["spec", "template", "metadata", "labels"])
        var available = 0
        var nextAvailable: TimeInterval?
        for pod in pods {
            guard let remaining = pod.availableIn(minReadySeconds: minReadySeconds, now: now) else { continue }
            if remaining <= 0 {
                available += 1
            } else {
                nextAvailable = min(nextAvailable ?? remaining, remaining)
            }
        }
        let ready = pods.count(where: \.isReadyPod)
        let fullyLabeled = pods.count { pod in templateLabels.allSatisfy { pod.labels[$0.key] == $0.value } }
        let generation = replicaSet.generation
        _ = try? await client.modify(SimulatedResources.replicaSets, namespace: replicaSet.namespace, name: replicaSet.name, subresource: "status") { object in
            object[path: ["status", "replicas"]] = .int(pods.count)
            object.setCount(["status", "fullyLabeledReplicas"], fullyLabeled)
            object.setCount(["status", "readyReplicas"], ready)
            object.setCount(["status", "availableReplicas"], available)
            object[path: ["status", "observedGeneration"]] = .number(JSONNumber(generation))
        }
        return nextAvailable.map { ($0 + 0.5).duration }
    }

    /// The pods to delete first when scaling down, as Kubernetes ranks them: unscheduled before
    /// scheduled, pending before running, not ready before ready, recently ready before long ready,
    /// more restarts before fewer, newer before older.
    static func deletionOrder(_ pods: [JSONValue]) -> [JSONValue] {
        func phaseRank(_ pod: JSONValue) -> Int {
            switch pod[path: ["status", "phase"]]?.stringValue {
            case "Pending": 0
            case "Running": 2
            default: 1
            }
        }
        func restarts(_ pod: JSONValue) -> Int {
            (pod[path: ["status", "containerStatuses"]]?.arrayValue ?? []).reduce(0) { $0 + Int($1["restartCount"]?.int64Value ?? 0) }
        }
        return pods.sorted { left, right in
            let leftScheduled = !(left[path: ["spec", "nodeName"]]?.stringValue ?? "").isEmpty
            let rightScheduled = !(right[path: ["spec", "nodeName"]]?.stringValue ?? "").isEmpty
            if leftScheduled != rightScheduled { return !leftScheduled }
            if phaseRank(left) != phaseRank(right) { return phaseRank(left) < phaseRank(right) }
            if left.isReadyPod != right.isReadyPod { return !left.isReadyPod }
            if let leftSince = left.readySince, let rightSince = right.readySince, leftSince != rightSince { return leftSince > rightSince }
            if restarts(left) != restarts(right) { return restarts(left) > restarts(right) }
            return (left.creationDate ?? .distantPast) > (right.creationDate ?? .distantPast)
        }
    }
}
