import Foundation
import KubeModel

/// Writes core/v1 Events about objects, as a Kubernetes component's event recorder does: repeats of the
/// same reason and message about the same object raise the existing event's `count` instead of adding
/// events, and events are deleted an hour after they were created, as the API server's event TTL does,
/// so that a long-running cluster does not accumulate them.
actor EventRecorder {
    /// Event types.
    enum Kind: String {
        case normal = "Normal"
        case warning = "Warning"
    }

    private struct Recorded {
        var namespace: String
        var name: String
        var created: Date
        var aggregationKey: String
    }

    private static let timeToLive: TimeInterval = 3600
    /// How many distinct events are remembered for aggregation; older ones simply stop aggregating.
    private static let aggregationCapacity = 10_000

    private let client: InProcessClient
    private let component: String
    private var latest: [String: Recorded] = [:]
    private var aggregationOrder: [String] = []
    private var created: [Recorded] = []
    private var createdHead = 0
    private var sequence: UInt64 = 0

    init(client: InProcessClient, component: String) {
        self.client = client
        self.component = component
    }

    /// Records that `reason` happened to `object`; `fieldPath` names a container (`spec.containers{web}`)
    /// and `host` the node, for kubelet events.
    func record(_ object: JSONValue, _ kind: Kind = .normal, reason: String, message: String, fieldPath: String? = nil, host: String? = nil) async {
        let now = Date()
        await expire(now: now)
        let timestamp = Timestamps.format(now)
        let aggregationKey = "\(object.uid)|\(fieldPath ?? "")|\(reason)|\(message)"
        if let previous = latest[aggregationKey] {
            let updated = try? await client.modify(SimulatedResources.events, namespace: previous.namespace, name: previous.name) { event in
                event["count"] = .int(Int(event["count"]?.int64Value ?? 1) + 1)
                event["lastTimestamp"] = .string(timestamp)
            }
            if updated != nil { return }
        }
        let namespace = object.namespace.isEmpty ? "default" : object.namespace
        sequence += 1
        // Kubernetes names events after the object and the time in hex; the sequence keeps names unique
        // within one second.
        let name = "\(object.name).\(String(UInt64(now.timeIntervalSince1970 * 1_000_000_000) &+ sequence, radix: 16))"
        var involved: JSONObject = [
            "apiVersion": object["apiVersion"] ?? "v1", "kind": object["kind"] ?? "", "name": .string(object.name), "uid": .string(object.uid),
        ]
        if !object.namespace.isEmpty { involved["namespace"] = .string(object.namespace) }
        if let version = object[path: ["metadata", "resourceVersion"]] { involved["resourceVersion"] = version }
        if let fieldPath { involved["fieldPath"] = .string(fieldPath) }
        var source: JSONObject = ["component": .string(component)]
        if let host { source["host"] = .string(host) }
        let event: JSONValue = [
            "apiVersion": "v1", "kind": "Event",
            "metadata": ["name": .string(name), "namespace": .string(namespace)],
            "involvedObject": .object(involved), "reason": .string(reason), "message": .string(message), "source": .object(source),
            "firstTimestamp": .string(timestamp), "lastTimestamp": .string(timestamp), "count": 1, "type": .string(kind.rawValue),
            "eventTime": .null, "reportingComponent": .string(component), "reportingInstance": .string(host ?? ""),
        ]
        // Events about objects in a namespace being deleted are refused; losing them is what Kubernetes does too.
        guard (try? await client.create(event)) != nil else { return }
        let recorded = Recorded(namespace: namespace, name: name, created: now, aggregationKey: aggregationKey)
        if latest.updateValue(recorded, forKey: aggregationKey) == nil { aggregationOrder.append(aggregationKey) }
        if aggregationOrder.count > Self.aggregationCapacity + Self.aggregationCapacity / 4 {
            // Forgetting in batches keeps the cost per event constant.
            let excess = aggregationOrder.count - Self.aggregationCapacity
            for key in aggregationOrder.prefix(excess) { latest[key] = nil }
            aggregationOrder.removeFirst(excess)
        }
        created.append(recorded)
    }

    /// Deletes the events older than the time to live, oldest first.
    private func expire(now: Date) async {
        while createdHead < created.count, now.timeIntervalSince(created[createdHead].created) > Self.timeToLive {
            let expired = created[createdHead]
            createdHead += 1
            if latest[expired.aggregationKey]?.name == expired.name { latest[expired.aggregationKey] = nil }
            try? await client.delete(SimulatedResources.events, namespace: expired.namespace, name: expired.name)
        }
        if createdHead > 1024 && createdHead * 2 > created.count {
            created.removeFirst(createdHead)
            createdHead = 0
        }
    }
}
