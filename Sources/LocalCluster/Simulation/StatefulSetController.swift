import Foundation
import KubeModel

/// Runs StatefulSets as Kubernetes does: pods named `<set>-<ordinal>` with stable claims from the
/// volume claim templates, created in order (OrderedReady waits for each to be Ready) or all at once
/// (Parallel), updated from the highest ordinal down to the partition, with current and update revisions.
struct StatefulSetController: Reconciler {
    let client: InProcessClient
    private let events: EventRecorder

    init(client: InProcessClient) {
        self.client = client
        events = EventRecorder(client: client, component: "statefulset-controller")
    }

    var name: String { "statefulset-controller" }
    var watchedStorages: [String] { [SimulatedResources.statefulSets.storageKey, SimulatedResources.pods.storageKey] }

    static let revisionLabel = "controller-revision-hash"

    func keys(for event: WatchEvent, object: JSONValue) async -> [ObjectKey] {
        if event.key.storage == SimulatedResources.statefulSets.storageKey { return [event.key] }
        return InProcessClient.controllerKey(of: object, namespace: event.key.namespace, kind: SimulatedResources.statefulSets).map { [$0] } ?? []
    }

    func reconcile(_ key: ObjectKey) async -> Duration? {
        guard let set = await client.get(SimulatedResources.statefulSets, namespace: key.namespace, name: key.name), !set.isBeingDeleted else { return nil }
        let revisions = ControllerRevisions(client: client)
        let previousCurrent = set[path: ["status", "currentRevision"]]?.stringValue
        let update = await revisions.current(for: set, keep: Set([previousCurrent].compactMap { $0 }))
        let currentRevision = previousCurrent ?? update.name
        let replicas = set.int("spec", "replicas")
        let parallel = set[path: ["spec", "podManagementPolicy"]]?.stringValue == "Parallel"
        let rolling = set[path: ["spec", "updateStrategy", "type"]]?.stringValue != "OnDelete"
        let partition = rolling ? set.int("spec", "updateStrategy", "rollingUpdate", "partition") : 0
        var pods: [Int: JSONValue] = [:]
        for pod in await client.owned(by: set, SimulatedResources.pods) {
            if let ordinal = Int(pod.name.dropFirst(set.name.count + 1)), pod.name.hasPrefix(set.name + "-") { pods[ordinal] = pod }
        }
        // Finished pods are replaced, as the StatefulSet controller does.
        for (ordinal, pod) in pods where !pod.isActivePod && !pod.isBeingDeleted {
            try? await client.delete(SimulatedResources.pods, namespace: pod.namespace, name: pod.name)
            pods[ordinal] = nil
        }
        var changed = false
        for ordinal in 0..<replicas {
            if let pod = pods[ordinal] {
                if !parallel && !pod.isReadyPod { break }
                continue
            }
            let revision = rolling && ordinal < partition ? currentRevision : update.name
            let template = revision == update.name ? set[path: ["spec", "template"]] : await revisions.template(revision, namespace: set.namespace)
            guard let created = await createPod(set, ordinal: ordinal, revision: revision, template: template ?? set[path: ["spec", "template"]] ?? .emptyObject)
            else { break }
            pods[ordinal] = created
            changed = true
            if !parallel { break }
        }
        // Scale down from the highest ordinal.
        for ordinal in pods.keys.sorted(by: >) where ordinal >= replicas {
            guard let pod = pods[ordinal] else { continue }
            try? await client.delete(SimulatedResources.pods, namespace: pod.namespace, name: pod.name)
            await events.record(set, reason: "SuccessfulDelete", message: "delete Pod \(pod.name) in StatefulSet \(set.name) successful")
            pods[ordinal] = nil
            changed = true
            if !parallel { break }
        }
        if !changed && rolling && (0..<replicas).allSatisfy({ pods[$0]?.isReadyPod == true }) {
            // Rolling update: replace the highest-ordinal outdated pod at or above the partition, one at a time.
            if let ordinal = (partition..<max(partition, replicas)).reversed().first(where: { pods[$0]?.labels[Self.revisionLabel] != update.name }),
                let pod = pods[ordinal]
            {
                try? await client.delete(SimulatedResources.pods, namespace: pod.namespace, name: pod.name)
                await events.record(set, reason: "SuccessfulDelete", message: "delete Pod \(pod.name) in StatefulSet \(set.name) successful")
                pods[ordinal] = nil
            }
        }
        return await updateStatus(set, pods: Array(pods.values), currentRevision: currentRevision, updateRevision: update.name)
    }

    private func createPod(_ set: JSONValue, ordinal: Int, revision: String, template: JSONValue) async -> JSONValue? {
        let podName = "\(set.name)-\(ordinal)"
        var claims: [(template: String, claim: String)] = []
        for claimTemplate in set[path: ["spec", "volumeClaimTemplates"]]?.arrayValue ?? [] {
            let templateName = claimTemplate.name
            let claimName = "\(templateName)-\(podName)"
            claims.append((templateName, claimName))
            guard await client.get(SimulatedResources.persistentVolumeClaims, namespace: set.namespace, name: claimName) == nil else { continue }
            var claim = claimTemplate
            claim["apiVersion"] = "v1"
            claim["kind"] = "PersistentVolumeClaim"
            claim[path: ["metadata", "name"]] = .string(claimName)
            claim[path: ["metadata", "namespace"]] = .string(set.namespace)
            for (label, value) in set.stringMap(at: ["spec", "selector", "matchLabels"]).sorted(by: { $0.key < $1.key }) {
                claim[path: ["metadata", "labels", label]] = .string(value)
            }
            if set[path: ["spec", "persistentVolumeClaimRetentionPolicy", "whenDeleted"]]?.stringValue == "Delete" {
                claim[path: ["metadata", "ownerReferences"]] = [set.controllerOwnerReference]
            }
            claim["status"] = nil
            do {
                try await client.create(claim)
                await events.record(set, reason: "SuccessfulCreate", message: "create Claim \(claimName) Pod \(podName) in StatefulSet \(set.name) success")
            } catch {
                await events.record(set, .warning, reason: "FailedCreate", message: "create Claim \(claimName) for Pod \(podName) in StatefulSet \(set.name) failed error: \(error.message)")
                return nil
            }
        }
        let serviceName = set[path: ["spec", "serviceName"]]?.stringValue
        let pod = PodFactory.pod(
            from: template, owner: set, name: podName,
            labels: [Self.revisionLabel: revision, "statefulset.kubernetes.io/pod-name": podName, "apps.kubernetes.io/pod-index": String(ordinal)]
        ) { spec in
            spec["hostname"] = .string(podName)
            if let serviceName, !serviceName.isEmpty { spec["subdomain"] = .string(serviceName) }
            var volumes = spec["volumes"]?.arrayValue ?? []
            for claim in claims where !volumes.contains(where: { $0["name"]?.stringValue == claim.template }) {
                volumes.append(["name": .string(claim.template), "persistentVolumeClaim": ["claimName": .string(claim.claim)]])
            }
            if !volumes.isEmpty { spec["volumes"] = .array(volumes) }
        }
        do {
            let created = try await client.create(pod)
            await events.record(set, reason: "SuccessfulCreate", message: "create Pod \(podName) in StatefulSet \(set.name) successful")
            return created
        } catch {
            await events.record(set, .warning, reason: "FailedCreate", message: "create Pod \(podName) in StatefulSet \(set.name) failed error: \(error.message)")
            return nil
        }
    }

    private func updateStatus(_ set: JSONValue, pods: [JSONValue], currentRevision: String, updateRevision: String) async -> Duration? {
        let now = Date()
        let minReadySeconds = set.int("spec", "minReadySeconds")
        let active = pods.filter(\.isActivePod)
        var available = 0
        var nextAvailable: TimeInterval?
        for pod in active {
            guard let remaining = pod.availableIn(minReadySeconds: minReadySeconds, now: now) else { continue }
            if remaining <= 0 { available += 1 } else { nextAvailable = min(nextAvailable ?? remaining, remaining) }
        }
        let ready = active.count(where: \.isReadyPod)
        let updated = active.count { $0.labels[Self.revisionLabel] == updateRevision }
        var current = currentRevision
        var currentCount = active.count { $0.labels[Self.revisionLabel] == currentRevision }
        if updated == active.count && ready == active.count && active.count == set.int("spec", "replicas") {
            current = updateRevision
            currentCount = updated
        }
        let generation = set.generation
        _ = try? await client.modify(SimulatedResources.statefulSets, namespace: set.namespace, name: set.name, subresource: "status") { object in
            var status = object["status"] ?? .emptyObject
            status["observedGeneration"] = .number(JSONNumber(generation))
            status["replicas"] = .int(active.count)
            status.setCount(["readyReplicas"], ready)
            status.setCount(["currentReplicas"], currentCount)
            status.setCount(["updatedReplicas"], updated)
            status["availableReplicas"] = .int(available)
            status["currentRevision"] = .string(current)
            status["updateRevision"] = .string(updateRevision)
            status["collisionCount"] = .int(object.int("status", "collisionCount"))
            object["status"] = status
        }
        return nextAvailable.map { ($0 + 0.5).duration }
    }
}
