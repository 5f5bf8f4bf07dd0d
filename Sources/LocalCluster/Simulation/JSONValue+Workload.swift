import Foundation
import KubeModel

/// Reading the object metadata and status fields the simulation controllers use, from unstructured objects.
extension JSONValue {
    var name: String { self[path: ["metadata", "name"]]?.stringValue ?? "" }
    var namespace: String { self[path: ["metadata", "namespace"]]?.stringValue ?? "" }
    var uid: String { self[path: ["metadata", "uid"]]?.stringValue ?? "" }
    var labels: [String: String] { stringMap(at: ["metadata", "labels"]) }
    var annotations: [String: String] { stringMap(at: ["metadata", "annotations"]) }
    var generation: Int64 { self[path: ["metadata", "generation"]]?.int64Value ?? 0 }
    var isBeingDeleted: Bool { self[path: ["metadata", "deletionTimestamp"]] != nil }
    var creationDate: Date? { self[path: ["metadata", "creationTimestamp"]]?.stringValue.flatMap(Timestamps.parse) }

    /// The owner reference marked `controller: true`, if any.
    var controllerReference: OwnerReference? {
        (self[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).compactMap(OwnerReference.init(json:)).first(where: \.controller)
    }

    /// The integer at `path`, 0 when absent (as Go's zero values read).
    func int(_ path: String...) -> Int {
        Int(self[path: path]?.int64Value ?? 0)
    }

    /// The condition of `type` in `status.conditions`.
    func condition(_ type: String) -> JSONValue? {
        (self[path: ["status", "conditions"]]?.arrayValue ?? []).first { $0["type"]?.stringValue == type }
    }

    /// An owner reference to this object naming it as the controller, as workload controllers set on
    /// what they create.
    var controllerOwnerReference: JSONValue {
        OwnerReference(
            apiVersion: self["apiVersion"]?.stringValue ?? "", kind: self["kind"]?.stringValue ?? "", name: name, uid: uid,
            controller: true, blockOwnerDeletion: true
        ).json
    }

    /// The label selector in `spec.selector`; one that cannot be parsed selects nothing, as the API would
    /// have rejected it.
    var specSelector: LabelSelector? {
        guard let json = self[path: ["spec", "selector"]] else { return nil }
        return try? LabelSelector(json: json)
    }

    /// Sets a field, or removes it when `value` is 0, as Go's `omitempty` writes integer status fields.
    mutating func setCount(_ path: [String], _ value: Int) {
        self[path: path] = value == 0 ? nil : .int(value)
    }

    // MARK: - Pods

    /// Whether the pod still counts towards its controller: not finished and not being deleted.
    var isActivePod: Bool {
        let phase = self[path: ["status", "phase"]]?.stringValue
        return phase != "Succeeded" && phase != "Failed" && !isBeingDeleted
    }

    /// Whether the pod's Ready condition is True.
    var isReadyPod: Bool { condition("Ready")?["status"]?.stringValue == "True" }

    /// When the pod became Ready, if it is.
    var readySince: Date? {
        guard let ready = condition("Ready"), ready["status"]?.stringValue == "True" else { return nil }
        return ready["lastTransitionTime"]?.stringValue.flatMap(Timestamps.parse)
    }

    /// How long until a Ready pod counts as available under `minReadySeconds`: nil when it is not Ready,
    /// zero or less when it is available already.
    func availableIn(minReadySeconds: Int, now: Date) -> TimeInterval? {
        guard isReadyPod else { return nil }
        guard minReadySeconds > 0, let since = readySince else { return 0 }
        return since.addingTimeInterval(TimeInterval(minReadySeconds)).timeIntervalSince(now)
    }
}
