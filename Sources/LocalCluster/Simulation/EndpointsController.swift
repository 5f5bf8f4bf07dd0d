import KubeModel

/// Publishes each selector Service's backends as core/v1 Endpoints and discovery.k8s.io/v1
/// EndpointSlices, as Kubernetes' endpoints and endpoint-slice controllers do: the pods matching the
/// selector that have an IP, ready ones as addresses and the rest as not-ready, with the Service's
/// ports resolved against each pod (named target ports look up the container port of that name).
struct EndpointsController: Reconciler {
    let client: InProcessClient
    private let index = ServiceSelectorIndex()

    static let serviceNameLabel = "kubernetes.io/service-name"
    static let managedByLabel = "endpointslice.kubernetes.io/managed-by"
    static let managedBy = "endpointslice-controller.k8s.io"

    var name: String { "endpoints-controller" }
    var watchedStorages: [String] { [SimulatedResources.services.storageKey, SimulatedResources.pods.storageKey] }

    func keys(for event: WatchEvent, object: JSONValue) async -> [ObjectKey] {
        if event.key.storage == SimulatedResources.services.storageKey {
            let selector = object.stringMap(at: ["spec", "selector"])
            let managed = event.type != .deleted && !selector.isEmpty && object[path: ["spec", "type"]]?.stringValue != "ExternalName"
            await index.setService(event.key, selector: managed ? selector : nil)
            return [event.key]
        }
        let services = await index.setPod(event.key, labels: event.type == .deleted ? nil : object.labels)
        return services.map { ObjectKey(storage: SimulatedResources.services.storageKey, namespace: event.key.namespace, name: $0) }
    }

    /// One group of endpoints sharing the same resolved ports.
    private struct PortGroup {
        var ports: [JSONValue]
        var pods: [(pod: JSONValue, ready: Bool)] = []
    }

    func reconcile(_ key: ObjectKey) async -> Duration? {
        guard let service = await client.get(SimulatedResources.services, namespace: key.namespace, name: key.name) else {
            try? await client.delete(SimulatedResources.endpoints, namespace: key.namespace, name: key.name)
            return nil
        }
        let selector = service.stringMap(at: ["spec", "selector"])
        guard !selector.isEmpty, service[path: ["spec", "type"]]?.stringValue != "ExternalName", !service.isBeingDeleted else { return nil }
        let publishNotReady = service[path: ["spec", "publishNotReadyAddresses"]] == true
        var groups: [PortGroup] = []
        for name in await index.pods(selectedBy: selector, in: key.namespace) {
            guard let pod = await client.get(SimulatedResources.pods, namespace: key.namespace, name: name), pod.isActivePod,
                pod[path: ["status", "podIP"]]?.stringValue != nil
            else { continue }
            let ports = Self.resolvePorts(of: service, on: pod)
            let ready = publishNotReady || pod.isReadyPod
            if let index = groups.firstIndex(where: { $0.ports == ports }) {
                groups[index].pods.append((pod, ready))
            } else {
                groups.append(PortGroup(ports: ports, pods: [(pod, ready)]))
            }
        }
        await writeEndpoints(service, groups: groups)
        await writeSlices(service, groups: groups)
        return nil
    }

    /// The Service's ports as they reach `pod`: numeric target ports as given, named ones looked up
    /// among the pod's container ports (a port the pod does not have is left out for that pod).
    private static func resolvePorts(of service: JSONValue, on pod: JSONValue) -> [JSONValue] {
        let containerPorts = (pod[path: ["spec", "containers"]]?.arrayValue ?? []).flatMap { $0["ports"]?.arrayValue ?? [] }
        return (service[path: ["spec", "ports"]]?.arrayValue ?? []).compactMap { port in
            let target = port["targetPort"] ?? port["port"]
            let number: JSONValue?
            if let name = target?.stringValue, Int(name) == nil {
                number = containerPorts.first { $0["name"]?.stringValue == name }?["containerPort"]
            } else {
                number = target?.stringValue.flatMap(Int.init).map(JSONValue.int) ?? target
            }
            guard let number else { return nil }
            var resolved: JSONObject = [:]
            if let name = port["name"], name != "" { resolved["name"] = name }
            resolved["port"] = number
            resolved["protocol"] = port["protocol"] ?? "TCP"
            if let appProtocol = port["appProtocol"] { resolved["appProtocol"] = appProtocol }
            return .object(resolved)
        }
    }

    private static func targetReference(_ pod: JSONValue) -> JSONValue {
        ["kind": "Pod", "namespace": .string(pod.namespace), "name": .string(pod.name), "uid": .string(pod.uid)]
    }

    private func writeEndpoints(_ service: JSONValue, groups: [PortGroup]) async {
        let subsets: [JSONValue] = groups.map { group in
            func address(_ pod: JSONValue) -> JSONValue {
                var address: JSONObject = ["ip": pod[path: ["status", "podIP"]] ?? ""]
                if let hostname = pod[path: ["spec", "hostname"]], pod[path: ["spec", "subdomain"]]?.stringValue == service.name {
                    address["hostname"] = hostname
                }
                address["nodeName"] = pod[path: ["spec", "nodeName"]]
                address["targetRef"] = Self.targetReference(pod)
                return .object(address)
            }
            var subset: JSONObject = [:]
            let ready = group.pods.filter(\.ready).map { address($0.pod) }
            let notReady = group.pods.filter { !$0.ready }.map { address($0.pod) }
            if !ready.isEmpty { subset["addresses"] = .array(ready) }
            if !notReady.isEmpty { subset["notReadyAddresses"] = .array(notReady) }
            if !group.ports.isEmpty { subset["ports"] = .array(group.ports) }
            return .object(subset)
        }
        let labels = service[path: ["metadata", "labels"]]
        let namespace = service.namespace
        let name = service.name
        let subsetsValue: JSONValue? = subsets.isEmpty ? nil : .array(subsets)
        let updated = try? await client.modify(SimulatedResources.endpoints, namespace: namespace, name: name) { endpoints in
            endpoints[path: ["metadata", "labels"]] = labels
            endpoints["subsets"] = subsetsValue
        }
        if updated == nil {
            var endpoints: JSONValue = ["apiVersion": "v1", "kind": "Endpoints", "metadata": ["name": .string(name), "namespace": .string(namespace)]]
            endpoints[path: ["metadata", "labels"]] = labels
            endpoints["subsets"] = subsetsValue
            _ = try? await client.create(endpoints)
        }
    }

    /// One EndpointSlice per group of ports (one placeholder without endpoints when nothing is selected);
    /// existing slices are reused by their ports and extra ones deleted.
    private func writeSlices(_ service: JSONValue, groups: [PortGroup]) async {
        var existing = await client.owned(by: service, SimulatedResources.endpointSlices)
        let wanted = groups.isEmpty ? [PortGroup(ports: [])] : groups
        for group in wanted {
            let endpoints: [JSONValue] = group.pods.map { entry in
                var endpoint: JSONObject = [
                    "addresses": [entry.pod[path: ["status", "podIP"]] ?? ""],
                    "conditions": ["ready": .bool(entry.ready), "serving": .bool(entry.ready), "terminating": false],
                ]
                if let hostname = entry.pod[path: ["spec", "hostname"]], entry.pod[path: ["spec", "subdomain"]]?.stringValue == service.name {
                    endpoint["hostname"] = hostname
                }
                endpoint["nodeName"] = entry.pod[path: ["spec", "nodeName"]]
                endpoint["targetRef"] = Self.targetReference(entry.pod)
                return .object(endpoint)
            }
            var labels = service[path: ["metadata", "labels"]]?.objectValue ?? [:]
            labels[Self.serviceNameLabel] = .string(service.name)
            labels[Self.managedByLabel] = .string(Self.managedBy)
            let content: JSONObject = [
                "addressType": "IPv4", "endpoints": .array(endpoints), "ports": .array(group.ports),
            ]
            if let slot = existing.firstIndex(where: { ($0["ports"]?.arrayValue ?? []) == group.ports }) ?? (existing.isEmpty ? nil : 0) {
                let slice = existing.remove(at: slot)
                _ = try? await client.modify(SimulatedResources.endpointSlices, namespace: slice.namespace, name: slice.name) { object in
                    object[path: ["metadata", "labels"]] = .object(labels)
                    for (field, value) in content { object[field] = value }
                }
            } else {
                var slice: JSONObject = [
                    "apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
                    "metadata": [
                        "generateName": .string("\(service.name)-"), "namespace": .string(service.namespace), "labels": .object(labels),
                        "ownerReferences": [service.controllerOwnerReference],
                    ],
                ]
                for (field, value) in content { slice[field] = value }
                _ = try? await client.create(.object(slice))
            }
        }
        for extra in existing {
            try? await client.delete(SimulatedResources.endpointSlices, namespace: extra.namespace, name: extra.name)
        }
    }
}
