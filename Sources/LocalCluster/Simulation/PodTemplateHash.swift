import KubeModel

/// The `pod-template-hash` of a Deployment's ReplicaSets and the `controller-revision-hash` of
/// StatefulSet and DaemonSet pods: a stable hash of the pod template (and of the collision count, so
/// that a name collision can be escaped), written with the consonant-and-digit alphabet Kubernetes uses
/// so that the hash never spells words.
enum PodTemplateHash {
    private static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    static func of(_ template: JSONValue, collisionCount: Int = 0) -> String {
        var hash = FNVHash()
        hash.add(canonical: comparable(template))
        if collisionCount > 0 { hash.add(String(collisionCount)) }
        return String(String(hash.value).utf8.map { alphabet[Int($0) % alphabet.count] })
    }

    /// The template as it is compared and hashed: without the hash label (a template copied back from a
    /// ReplicaSet by `kubectl rollout undo` carries it) and without null members, which Kubernetes'
    /// typed decoding treats as absent (kubectl sends `creationTimestamp: null` in templates).
    static func comparable(_ template: JSONValue) -> JSONValue {
        var template = withoutNulls(template)
        template[path: ["metadata", "labels", WellKnownLabels.podTemplateHash]] = nil
        if template[path: ["metadata", "labels"]]?.objectValue?.isEmpty == true { template[path: ["metadata", "labels"]] = nil }
        return template
    }

    private static func withoutNulls(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): .object(members.filter { !$0.value.isNull }.mapValues(withoutNulls))
        case .array(let elements): .array(elements.map(withoutNulls))
        default: value
        }
    }
}
