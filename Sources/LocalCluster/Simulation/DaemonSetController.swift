import Foundation
import KubeModel

/// Runs one pod of each DaemonSet on every node that its nodeSelector admits, replaces outdated pods
/// within maxUnavailable on a rolling update, and reports the scheduling counts `kubectl rollout status`
/// and Argo CD read.
struct DaemonSetController: Reconciler {
    let client: InProcessClient
    private let events: EventRecorder

    init(client: InProcessClient) {
        self.client = client
        events = EventRecorder(client: client, component: "daemonset-controller")
    }

    var name: String { "daemonset-controller" }
    var watchedStorages: [String] {
        [SimulatedResources.daemonSets.storageKey, SimulatedResources.pods.storageKey, SimulatedResources.nodes.storageKey]
    }

    func keys(for event: WatchEvent, object: JSONValue) async -> [ObjectKey] {
        switch event.key.storage {
        case SimulatedResources.daemonSets.storageKey:
            return [event.key]
        case SimulatedResources.nodes.storageKey:
            // Nodes come and go rarely; every DaemonSet may want a pod on a new node.
            guard event.type != .modified else { return [] }
            return await client.store.list(WatchFilter(storage: SimulatedResources.daemonSets.storageKey)).items.map(\.0)
        default:
            return InProcessClient.controllerKey(of: object, namespace: event.key.namespace, kind: SimulatedResources.daemonSets).map { [$0] } ?? []
        }
    }

    func reconcile(_ key: ObjectKey) async -> Duration? {
        guard let set = await client.get(SimulatedResources.daemonSets, namespace: key.namespace, name: key.name), !set.isBeingDeleted else { return nil }
        let revision = await ControllerRevisions(client: client).current(for: set, keep: [])
        let selector = set.stringMap(at: ["spec", "template", "spec", "nodeSelector"])
        let nodes = await client.list(SimulatedResources.nodes, namespace: nil)
            .filter { node in selector.allSatisfy { node.labels[$0.key] == $0.value } }.map(\.name)
        var byNode: [String: [JSONValue]] = [:]
        for pod in await client.owned(by: set, SimulatedResources.pods) where pod.isActivePod {
            byNode[pod[path: ["spec", "nodeName"]]?.stringValue ?? "", default: []].append(pod)
        }
        var deleted: Set<String> = []
        func delete(_ pod: JSONValue) async {
            try? await client.delete(SimulatedResources.pods, namespace: pod.namespace, name: pod.name)
            await events.record(set, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)")
            deleted.insert(pod.name)
        }
        // Pods on nodes that no longer qualify, and duplicates, go.
        for (node, pods) in byNode {
            for pod in nodes.contains(node) ? Array(pods.dropFirst()) : pods { await delete(pod) }
        }
        for node in nodes where byNode[node]?.isEmpty ?? true {
            let pod = PodFactory.pod(
                from: set[path: ["spec", "template"]] ?? .emptyObject, owner: set, generateName: "\(set.name)-",
                labels: ["controller-revision-hash": revision.hash, "pod-template-generation": String(set.generation)]
            ) { $0["nodeName"] = .string(node) }
            if let created = try? await client.create(pod) {
                byNode[node] = [created]
                await events.record(set, reason: "SuccessfulCreate", message: "Created pod: \(created.name)")
            }
        }
        let now = Date()
        let minReadySeconds = set.int("spec", "minReadySeconds")
        let current = nodes.compactMap { byNode[$0]?.first(where: { !deleted.contains($0.name) }) }
        let available = current.filter { ($0.availableIn(minReadySeconds: minReadySeconds, now: now) ?? 1) <= 0 }
        if set[path: ["spec", "updateStrategy", "type"]]?.stringValue != "OnDelete" {
            // Outdated pods are replaced, unavailable ones first, keeping at most maxUnavailable down.
            let outdated = current.filter { $0.labels["controller-revision-hash"] != revision.hash }
            let allowance = max(1, IntOrPercent.scaled(
                set[path: ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"]] ?? 1, total: nodes.count, roundUp: true))
            var budget = allowance - (current.count - available.count)
            let availableNames = Set(available.map(\.name))
            for pod in outdated.sorted(by: { !availableNames.contains($0.name) && availableNames.contains($1.name) }) {
                if availableNames.contains(pod.name) {
                    guard budget > 0 else { break }
                    budget -= 1
                }
                await delete(pod)
            }
        }
        let remaining = current.filter { !deleted.contains($0.name) }
        let nextAvailable = remaining.compactMap { $0.availableIn(minReadySeconds: minReadySeconds, now: now) }.filter { $0 > 0 }.min()
        let numberAvailable = remaining.count { ($0.availableIn(minReadySeconds: minReadySeconds, now: now) ?? 1) <= 0 }
        let generation = set.generation
        _ = try? await client.modify(SimulatedResources.daemonSets, namespace: set.namespace, name: set.name, subresource: "status") { object in
            var status = JSONValue.emptyObject
            status["currentNumberScheduled"] = .int(remaining.count)
            status["desiredNumberScheduled"] = .int(nodes.count)
            status["numberMisscheduled"] = 0
            status["numberReady"] = .int(remaining.count(where: \.isReadyPod))
            status.setCount(["updatedNumberScheduled"], remaining.count { $0.labels["controller-revision-hash"] == revision.hash })
            status.setCount(["numberAvailable"], numberAvailable)
            status.setCount(["numberUnavailable"], nodes.count - numberAvailable)
            status["observedGeneration"] = .number(JSONNumber(generation))
            status["conditions"] = object[path: ["status", "conditions"]]
            object["status"] = status
        }
        return nextAvailable.map { ($0 + 0.5).duration }
    }
}
