import Foundation
import KubeModel

/// Rolls Deployments out through ReplicaSets as Kubernetes' deployment controller does: one ReplicaSet
/// per pod template (named by its `pod-template-hash`), revisions, rolling updates within maxSurge and
/// maxUnavailable, Recreate, pausing, history cleanup, and the status `kubectl rollout status` and
/// Argo CD's health check read.
struct DeploymentController: Reconciler {
    let client: InProcessClient
    let events: EventRecorder

    static let revisionAnnotation = WellKnownAnnotations.deploymentRevision
    static let revisionHistoryAnnotation = "deployment.kubernetes.io/revision-history"
    static let desiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas"
    static let maxReplicasAnnotation = "deployment.kubernetes.io/max-replicas"
    /// Deployment annotations that describe the Deployment itself and so are not copied to ReplicaSets.
    static let uncopiedAnnotations: Set<String> = [
        WellKnownAnnotations.lastAppliedConfiguration, revisionAnnotation, revisionHistoryAnnotation, desiredReplicasAnnotation,
        maxReplicasAnnotation, "deprecated.deployment.rollback.to",
    ]

    init(client: InProcessClient) {
        self.client = client
        events = EventRecorder(client: client, component: "deployment-controller")
    }

    var name: String { "deployment-controller" }
    var watchedStorages: [String] { [SimulatedResources.deployments.storageKey, SimulatedResources.replicaSets.storageKey] }

    func keys(for event: WatchEvent, object: JSONValue) async -> [ObjectKey] {
        if event.key.storage == SimulatedResources.deployments.storageKey { return [event.key] }
        return InProcessClient.controllerKey(of: object, namespace: event.key.namespace, kind: SimulatedResources.deployments).map { [$0] } ?? []
    }

    func reconcile(_ key: ObjectKey) async -> Duration? {
        guard var deployment = await client.get(SimulatedResources.deployments, namespace: key.namespace, name: key.name),
            !deployment.isBeingDeleted, let selector = deployment.specSelector, !selector.isEmpty
        else { return nil }
        var replicaSets = await client.owned(by: deployment, SimulatedResources.replicaSets).filter { !$0.isBeingDeleted }
        let paused = deployment[path: ["spec", "paused"]] == true
        let recreate = deployment[path: ["spec", "strategy", "type"]]?.stringValue == "Recreate"
        var newSet = Self.newReplicaSet(among: replicaSets, for: deployment)
        // A paused Deployment does not roll out, and Recreate waits for the old pods to go first.
        let oldPodsRunning = replicaSets.contains { $0.uid != newSet?.uid && ($0.int("spec", "replicas") > 0 || $0.int("status", "replicas") > 0) }
        if newSet == nil && !paused && !(recreate && oldPodsRunning) {
            switch await createNewReplicaSet(for: &deployment, existing: replicaSets) {
            case .created(let created):
                newSet = created
                replicaSets.append(created)
            case .collision:
                return .zero
            case .failed:
                return .seconds(5)
            }
        } else if let found = newSet {
            newSet = await syncRevision(of: found, deployment: &deployment, among: replicaSets)
            replicaSets = replicaSets.map { $0.uid == newSet?.uid ? newSet ?? $0 : $0 }
        }
        await syncDeploymentRevision(&deployment, newSet: newSet)
        let old = replicaSets.filter { $0.uid != newSet?.uid }
        if paused {
            replicaSets = await scaleWhilePaused(deployment, newSet: newSet, all: replicaSets)
        } else if recreate {
            replicaSets = await rolloutRecreate(deployment, newSet: newSet, old: old)
        } else if let newSet {
            replicaSets = await rolloutRolling(deployment, newSet: newSet, old: old)
        }
        newSet = replicaSets.first { $0.uid == newSet?.uid }
        let status = computeStatus(deployment, newSet: newSet, all: replicaSets, paused: paused, now: Date())
        if Self.isComplete(deployment, status: status.value) || paused {
            await cleanUpHistory(deployment, old: replicaSets.filter { $0.uid != newSet?.uid })
        }
        let finalStatus = status.value
        _ = try? await client.modify(SimulatedResources.deployments, namespace: key.namespace, name: key.name, subresource: "status") {
            $0["status"] = finalStatus
        }
        return status.recheckAfter
    }

    /// The ReplicaSet whose template is the Deployment's (ignoring the hash label); the oldest if several.
    static func newReplicaSet(among replicaSets: [JSONValue], for deployment: JSONValue) -> JSONValue? {
        let template = PodTemplateHash.comparable(deployment[path: ["spec", "template"]] ?? .emptyObject)
        return replicaSets.filter { replicaSet in
            PodTemplateHash.comparable(replicaSet[path: ["spec", "template"]] ?? .emptyObject) == template
        }.min { ($0.creationDate ?? .distantPast, $0.name) < ($1.creationDate ?? .distantPast, $1.name) }
    }

    static func revision(of object: JSONValue) -> Int {
        Int(object.annotations[revisionAnnotation] ?? "") ?? 0
    }

    private enum Creation {
        case created(JSONValue)
        case collision
        case failed
    }

    /// Creates the ReplicaSet for the Deployment's current template. A different ReplicaSet already
    /// holding the name is a hash collision: the collision count goes up, which changes the next hash.
    private func createNewReplicaSet(for deployment: inout JSONValue, existing: [JSONValue]) async -> Creation {
        let collisionCount = deployment.int("status", "collisionCount")
        let hash = PodTemplateHash.of(deployment[path: ["spec", "template"]] ?? .emptyObject, collisionCount: collisionCount)
        let name = "\(deployment.name)-\(hash)"
        let revision = (existing.map(Self.revision).max() ?? 0) + 1
        var template = deployment[path: ["spec", "template"]] ?? .emptyObject
        template[path: ["metadata", "labels", WellKnownLabels.podTemplateHash]] = .string(hash)
        var selector = deployment[path: ["spec", "selector"]] ?? .emptyObject
        selector[path: ["matchLabels", WellKnownLabels.podTemplateHash]] = .string(hash)
        let replicas = initialReplicas(deployment, existing: existing)
        var metadata: JSONObject = ["name": .string(name), "namespace": .string(deployment.namespace)]
        metadata["labels"] = template[path: ["metadata", "labels"]]
        metadata["annotations"] = .object(annotations(for: deployment, revision: revision))
        metadata["ownerReferences"] = [deployment.controllerOwnerReference]
        var spec: JSONObject = ["replicas": .int(replicas), "selector": selector, "template": template]
        if let minReadySeconds = deployment[path: ["spec", "minReadySeconds"]] { spec["minReadySeconds"] = minReadySeconds }
        let replicaSet: JSONValue = ["apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": .object(metadata), "spec": .object(spec)]
        do {
            let created = try await client.create(replicaSet)
            setProgressing(&deployment, status: "True", reason: "NewReplicaSetCreated", message: "Created new replica set \"\(name)\"", now: Date())
            if replicas > 0 {
                await events.record(deployment, reason: "ScalingReplicaSet", message: "Scaled up replica set \(name) from 0 to \(replicas)")
            }
            return .created(created)
        } catch where error.code == 409 {
            // Ours from an earlier attempt is fine; anything else is a collision.
            if let existing = await client.get(SimulatedResources.replicaSets, namespace: deployment.namespace, name: name),
                existing.controllerReference?.uid == deployment.uid, Self.newReplicaSet(among: [existing], for: deployment) != nil
            {
                return .created(existing)
            }
            let namespace = deployment.namespace
            let deploymentName = deployment.name
            _ = try? await client.modify(SimulatedResources.deployments, namespace: namespace, name: deploymentName, subresource: "status") {
                $0[path: ["status", "collisionCount"]] = .int(collisionCount + 1)
            }
            return .collision
        } catch {
            await events.record(deployment, .warning, reason: "FailedCreate", message: "Failed to create new replica set \"\(name)\": \(error.message)")
            return .failed
        }
    }

    /// How many replicas a new ReplicaSet starts with: all of them for Recreate (whose old pods are
    /// gone by then); for a rolling update, as many as maxSurge allows beside the existing pods.
    private func initialReplicas(_ deployment: JSONValue, existing: [JSONValue]) -> Int {
        let desired = deployment.int("spec", "replicas")
        if deployment[path: ["spec", "strategy", "type"]]?.stringValue == "Recreate" { return desired }
        let current = existing.reduce(0) { $0 + $1.int("spec", "replicas") }
        let maxTotal = desired + RolloutLimits(deployment).maxSurge
        return max(0, min(maxTotal - current, desired))
    }

    /// The annotations a ReplicaSet of `deployment` carries: the Deployment's own (such as
    /// `kubernetes.io/change-cause`, which `kubectl rollout history` shows), its revision and replica counts.
    private func annotations(for deployment: JSONValue, revision: Int) -> JSONObject {
        var annotations = JSONObject()
        for (key, value) in deployment.annotations.sorted(by: { $0.key < $1.key }) where !Self.uncopiedAnnotations.contains(key) {
            annotations[key] = .string(value)
        }
        annotations[Self.revisionAnnotation] = .string(String(revision))
        let desired = deployment.int("spec", "replicas")
        annotations[Self.desiredReplicasAnnotation] = .string(String(desired))
        annotations[Self.maxReplicasAnnotation] = .string(String(desired + RolloutLimits(deployment).maxSurge))
        return annotations
    }

    /// An existing ReplicaSet that became the new one again (a rollback) takes the next revision and
    /// remembers its earlier ones; the Deployment's annotations are copied onto it as they change.
    private func syncRevision(of replicaSet: JSONValue, deployment: inout JSONValue, among all: [JSONValue]) async -> JSONValue {
        let maxOld = all.filter { $0.uid != replicaSet.uid }.map(Self.revision).max() ?? 0
        let current = Self.revision(of: replicaSet)
        let existing = replicaSet[path: ["metadata", "annotations"]]?.objectValue ?? [:]
        var merged = existing
        for (key, value) in deployment.annotations.sorted(by: { $0.key < $1.key }) where !Self.uncopiedAnnotations.contains(key) {
            merged[key] = .string(value)
        }
        if current <= maxOld {
            merged[Self.revisionAnnotation] = .string(String(maxOld + 1))
            if current > 0 {
                let history = [replicaSet.annotations[Self.revisionHistoryAnnotation], String(current)].compactMap { $0 }
                merged[Self.revisionHistoryAnnotation] = .string(history.joined(separator: ","))
            }
        }
        if deployment.condition("Progressing") == nil {
            setProgressing(&deployment, status: "True", reason: "FoundNewReplicaSet", message: "Found new replica set \"\(replicaSet.name)\"", now: Date())
        }
        guard merged != existing else { return replicaSet }
        let annotations = JSONValue.object(merged)
        let updated = try? await client.modify(SimulatedResources.replicaSets, namespace: replicaSet.namespace, name: replicaSet.name) {
            $0[path: ["metadata", "annotations"]] = annotations
        }
        return updated ?? replicaSet
    }

    /// The Deployment's revision annotation names its new ReplicaSet's revision.
    private func syncDeploymentRevision(_ deployment: inout JSONValue, newSet: JSONValue?) async {
        guard let newSet, let revision = newSet.annotations[Self.revisionAnnotation],
            deployment.annotations[Self.revisionAnnotation] != revision
        else { return }
        let conditions = deployment[path: ["status", "conditions"]]
        let updated = try? await client.modify(SimulatedResources.deployments, namespace: deployment.namespace, name: deployment.name) {
            $0[path: ["metadata", "annotations", Self.revisionAnnotation]] = .string(revision)
        }
        if let updated {
            deployment = updated
            // Keep the conditions set during this pass; they are written with the status.
            deployment[path: ["status", "conditions"]] = conditions
        }
    }

    /// Sets a ReplicaSet's replicas and the replica-count annotations, recording the scaling on the Deployment.
    func scale(_ replicaSet: JSONValue, to replicas: Int, for deployment: JSONValue) async -> JSONValue {
        let desired = String(deployment.int("spec", "replicas"))
        let maximum = String(deployment.int("spec", "replicas") + RolloutLimits(deployment).maxSurge)
        let from = replicaSet.int("spec", "replicas")
        let updated = try? await client.modify(SimulatedResources.replicaSets, namespace: replicaSet.namespace, name: replicaSet.name) { object in
            object[path: ["spec", "replicas"]] = .int(replicas)
            object[path: ["metadata", "annotations", Self.desiredReplicasAnnotation]] = .string(desired)
            object[path: ["metadata", "annotations", Self.maxReplicasAnnotation]] = .string(maximum)
        }
        if from != replicas {
            let direction = replicas > from ? "up" : "down"
            await events.record(deployment, reason: "ScalingReplicaSet", message: "Scaled \(direction) replica set \(replicaSet.name) from \(from) to \(replicas)")
        }
        return updated ?? replicaSet
    }

    /// Deletes old ReplicaSets without pods beyond `revisionHistoryLimit`, lowest revisions first.
    private func cleanUpHistory(_ deployment: JSONValue, old: [JSONValue]) async {
        guard let limit = deployment[path: ["spec", "revisionHistoryLimit"]]?.int64Value else { return }
        let cleanable = old.filter { $0.int("spec", "replicas") == 0 && $0.int("status", "replicas") == 0 && !$0.isBeingDeleted }
            .sorted { (Self.revision(of: $0), $0.creationDate ?? .distantPast) < (Self.revision(of: $1), $1.creationDate ?? .distantPast) }
        for replicaSet in cleanable.prefix(max(0, cleanable.count - Int(limit))) {
            try? await client.delete(SimulatedResources.replicaSets, namespace: replicaSet.namespace, name: replicaSet.name)
        }
    }
}
