import Foundation
import KubeModel

/// The scheduler and the kubelets of the simulated nodes: binds pending pods to a node, then reports
/// their containers starting, becoming ready, completing or failing as ``PodLifecycle`` computes, with
/// the events a real scheduler and kubelet record.
struct KubeletSimulator: Reconciler {
    let client: InProcessClient
    let timing: SimulationTiming
    private let lifecycle: PodLifecycle
    private let podAddresses = AddressPool(first: "10.244.0.1", size: 1 << 20)
    private let schedulerEvents: EventRecorder
    private let kubeletEvents: EventRecorder

    init(client: InProcessClient, timing: SimulationTiming) {
        self.client = client
        self.timing = timing
        lifecycle = PodLifecycle(timing: timing)
        schedulerEvents = EventRecorder(client: client, component: "default-scheduler")
        kubeletEvents = EventRecorder(client: client, component: "kubelet")
    }

    var name: String { "kubelet" }
    var watchedStorages: [String] { [SimulatedResources.pods.storageKey] }
    var workers: Int { 4 }

    func keys(for event: WatchEvent, object: JSONValue) async -> [ObjectKey] {
        if event.type == .deleted {
            await podAddresses.release(event.key)
            return []
        }
        // Addresses handed out before a restart stay taken.
        if let address = object[path: ["status", "podIP"]]?.stringValue, object[path: ["spec", "hostNetwork"]] != true {
            await podAddresses.claim(address, for: event.key)
        }
        return [event.key]
    }

    func reconcile(_ key: ObjectKey) async -> Duration? {
        let pods = SimulatedResources.pods
        guard var pod = await client.get(pods, namespace: key.namespace, name: key.name), !pod.isBeingDeleted else { return nil }
        let phase = pod[path: ["status", "phase"]]?.stringValue
        if phase == "Succeeded" || phase == "Failed" { return nil }
        var nodeName = pod[path: ["spec", "nodeName"]]?.stringValue ?? ""
        if nodeName.isEmpty {
            // Nodes are created at bootstrap; until one fits, try again shortly, as the scheduler does.
            guard let node = await schedule(pod) else { return .seconds(1) }
            guard let bound = try? await client.modify(pods, namespace: key.namespace, name: key.name, { $0[path: ["spec", "nodeName"]] = .string(node) })
            else { return nil }
            pod = bound
            nodeName = node
            await schedulerEvents.record(pod, reason: "Scheduled", message: "Successfully assigned \(key.namespace)/\(key.name) to \(node)")
        }
        let node = await client.get(SimulatedResources.nodes, namespace: "", name: nodeName)
        let hostIP = (node?[path: ["status", "addresses"]]?.arrayValue ?? []).first { $0["type"] == "InternalIP" }?["address"]?.stringValue ?? "172.18.0.2"
        let podIP = pod[path: ["spec", "hostNetwork"]] == true ? hostIP : await podAddresses.address(for: key) ?? hostIP
        let now = Date()
        // Whole seconds, as the start time is stored: every later look computes the same timestamps.
        let start = pod[path: ["status", "startTime"]]?.stringValue.flatMap(Timestamps.parse)
            ?? Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let snapshot = lifecycle.snapshot(of: pod, hostIP: hostIP, podIP: podIP, start: start, now: now)
        let before = pod
        guard let updated = try? await client.modify(pods, namespace: key.namespace, name: key.name, subresource: "status", { $0["status"] = snapshot.status })
        else { return nil }
        await recordTransitions(from: before, to: updated, node: nodeName)
        return snapshot.nextChange.map(\.duration)
    }

    /// Picks a schedulable node whose labels satisfy the pod's nodeSelector, spreading pods across nodes
    /// by their UID.
    private func schedule(_ pod: JSONValue) async -> String? {
        let selector = pod.stringMap(at: ["spec", "nodeSelector"])
        let candidates = await client.list(SimulatedResources.nodes, namespace: nil).filter { node in
            node[path: ["spec", "unschedulable"]] != true && node.condition("Ready")?["status"] == "True"
                && selector.allSatisfy { node.labels[$0.key] == $0.value }
        }
        guard !candidates.isEmpty else { return nil }
        var hash = FNVHash()
        hash.add(pod.uid)
        return candidates[Int(hash.value % UInt32(candidates.count))].name
    }

    /// Records the kubelet's events for what changed in the containers' states.
    private func recordTransitions(from before: JSONValue, to after: JSONValue, node: String) async {
        let previous = Dictionary(
            (before[path: ["status", "containerStatuses"]]?.arrayValue ?? []).map { ($0["name"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        for status in after[path: ["status", "containerStatuses"]]?.arrayValue ?? [] {
            let name = status["name"]?.stringValue ?? ""
            let image = status["image"]?.stringValue ?? ""
            let old = previous[name]
            let fieldPath = "spec.containers{\(name)}"
            func record(_ reason: String, _ message: String, _ kind: EventRecorder.Kind = .normal) async {
                await kubeletEvents.record(after, kind, reason: reason, message: message, fieldPath: fieldPath, host: node)
            }
            let waitingReason = status[path: ["state", "waiting", "reason"]]?.stringValue
            if waitingReason == "ImagePullBackOff", old?[path: ["state", "waiting", "reason"]]?.stringValue != "ImagePullBackOff" {
                await record("Pulling", "Pulling image \"\(image)\"")
                await record("Failed", "Failed to pull image \"\(image)\": rpc error: code = NotFound desc = failed to pull and unpack image \"\(image)\": not found", .warning)
                await record("Failed", "Error: ErrImagePull", .warning)
                await record("BackOff", "Back-off pulling image \"\(image)\"")
                await record("Failed", "Error: ImagePullBackOff", .warning)
                continue
            }
            let containerID = status["containerID"]?.stringValue
            guard let containerID, containerID != old?["containerID"]?.stringValue else { continue }
            if timing.profile == .fast {
                await record("Pulled", "Container image \"\(image)\" already present on machine")
            } else {
                await record("Pulling", "Pulling image \"\(image)\"")
                await record("Pulled", "Successfully pulled image \"\(image)\"")
            }
            await record("Created", "Created container: \(name)")
            await record("Started", "Started container \(name)")
            if waitingReason == "CrashLoopBackOff" {
                await record("BackOff", "Back-off restarting failed container \(name) in pod \(after.name)_\(after.namespace)(\(after.uid))", .warning)
            }
        }
    }
}
