/// Which Services select which pods, kept from the watch streams so that a pod's change finds its
/// Services, and a Service finds its pods, without scanning a namespace.
///
/// Pods are indexed by each `key=value` label they carry; a Service by one pair of its selector (every
/// selected pod must carry all of them, so any one pair finds every candidate). Lookups intersect with
/// the smallest posting set and then check the whole selector.
actor ServiceSelectorIndex {
    private var selectors: [ObjectKey: [String: String]] = [:]
    private var servicesByPair: [String: Set<String>] = [:]
    private var podLabels: [ObjectKey: [String: String]] = [:]
    private var podsByPair: [String: Set<String>] = [:]

    private static func pair(_ namespace: String, _ key: String, _ value: String) -> String {
        "\(namespace)\u{0}\(key)=\(value)"
    }

    /// Records a Service's selector; nil (deleted, or no selector) forgets it.
    func setService(_ service: ObjectKey, selector: [String: String]?) {
        if let old = selectors.removeValue(forKey: service), let first = old.min(by: { $0.key < $1.key }) {
            servicesByPair[Self.pair(service.namespace, first.key, first.value)]?.remove(service.name)
        }
        guard let selector, let first = selector.min(by: { $0.key < $1.key }) else { return }
        selectors[service] = selector
        servicesByPair[Self.pair(service.namespace, first.key, first.value), default: []].insert(service.name)
    }

    /// Records a pod's labels (nil when deleted) and returns the Services that selected it before or
    /// select it now: all of them must look at it again.
    func setPod(_ pod: ObjectKey, labels: [String: String]?) -> Set<String> {
        let old = podLabels[pod]
        var affected = old.map { services(selecting: $0, in: pod.namespace) } ?? []
        if let old {
            for (key, value) in old { podsByPair[Self.pair(pod.namespace, key, value)]?.remove(pod.name) }
        }
        podLabels[pod] = labels
        if let labels {
            for (key, value) in labels { podsByPair[Self.pair(pod.namespace, key, value), default: []].insert(pod.name) }
            affected.formUnion(services(selecting: labels, in: pod.namespace))
        }
        return affected
    }

    /// The names of the pods in `namespace` whose labels satisfy `selector`.
    func pods(selectedBy selector: [String: String], in namespace: String) -> [String] {
        let postings = selector.map { podsByPair[Self.pair(namespace, $0.key, $0.value)] ?? [] }
        guard let smallest = postings.min(by: { $0.count < $1.count }) else { return [] }
        return smallest.filter { name in
            let labels = podLabels[ObjectKey(storage: SimulatedResources.pods.storageKey, namespace: namespace, name: name)] ?? [:]
            return selector.allSatisfy { labels[$0.key] == $0.value }
        }.sorted()
    }

    private func services(selecting labels: [String: String], in namespace: String) -> Set<String> {
        var result: Set<String> = []
        for (key, value) in labels {
            for name in servicesByPair[Self.pair(namespace, key, value)] ?? [] {
                let selector = selectors[ObjectKey(storage: SimulatedResources.services.storageKey, namespace: namespace, name: name)] ?? [:]
                if selector.allSatisfy({ labels[$0.key] == $0.value }) { result.insert(name) }
            }
        }
        return result
    }
}
