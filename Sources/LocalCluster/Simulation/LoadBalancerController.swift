import Foundation
import KubeModel

/// The simulated cloud's load balancers: a LoadBalancer Service gets an address (its
/// `spec.loadBalancerIP` if set, else the next free one from 172.18.255.10 on) in
/// `status.loadBalancer.ingress`, and every Ingress gets the simulated ingress controller's address.
struct LoadBalancerController: Reconciler {
    let client: InProcessClient
    let timing: SimulationTiming
    private let addresses = AddressPool(first: "172.18.255.10", size: 65_000)
    private let events: EventRecorder

    init(client: InProcessClient, timing: SimulationTiming) {
        self.client = client
        self.timing = timing
        events = EventRecorder(client: client, component: "service-controller")
    }

    var name: String { "service-controller" }
    var watchedStorages: [String] { [SimulatedResources.services.storageKey, SimulatedResources.ingresses.storageKey] }

    func keys(for event: WatchEvent, object: JSONValue) async -> [ObjectKey] {
        guard event.key.storage == SimulatedResources.services.storageKey else { return event.type == .deleted ? [] : [event.key] }
        if event.type == .deleted {
            await addresses.release(event.key)
            return []
        }
        // Addresses assigned before a restart stay with their Services.
        if let address = object[path: ["status", "loadBalancer", "ingress"]]?.arrayValue?.first?["ip"]?.stringValue {
            await addresses.claim(address, for: event.key)
        }
        return [event.key]
    }

    func reconcile(_ key: ObjectKey) async -> Duration? {
        if key.storage == SimulatedResources.ingresses.storageKey {
            _ = try? await client.modify(SimulatedResources.ingresses, namespace: key.namespace, name: key.name, subresource: "status") {
                $0[path: ["status", "loadBalancer", "ingress"]] = [["ip": .string(SimulatedInfrastructure.ingressAddress)]]
            }
            return nil
        }
        guard let service = await client.get(SimulatedResources.services, namespace: key.namespace, name: key.name), !service.isBeingDeleted else { return nil }
        guard service[path: ["spec", "type"]]?.stringValue == "LoadBalancer" else {
            await addresses.release(key)
            if service[path: ["status", "loadBalancer", "ingress"]] != nil {
                _ = try? await client.modify(SimulatedResources.services, namespace: key.namespace, name: key.name, subresource: "status") {
                    $0[path: ["status", "loadBalancer"]] = .emptyObject
                }
            }
            return nil
        }
        guard service[path: ["status", "loadBalancer", "ingress"]] == nil else { return nil }
        let ready = (service.creationDate ?? Date()).addingTimeInterval(timing.provisioning(service.uid))
        if ready > Date() {
            await events.record(service, reason: "EnsuringLoadBalancer", message: "Ensuring load balancer")
            return ready.timeIntervalSinceNow.duration
        }
        let requested = service[path: ["spec", "loadBalancerIP"]]?.stringValue
        let allocated = requested == nil ? await addresses.address(for: key) : nil
        guard let address = requested ?? allocated else {
            await events.record(service, .warning, reason: "SyncLoadBalancerFailed", message: "Error syncing load balancer: no addresses left")
            return nil
        }
        let updated = try? await client.modify(SimulatedResources.services, namespace: key.namespace, name: key.name, subresource: "status") {
            $0[path: ["status", "loadBalancer", "ingress"]] = [["ip": .string(address), "ipMode": "VIP"]]
        }
        if updated != nil { await events.record(service, reason: "EnsuredLoadBalancer", message: "Ensured load balancer") }
        return nil
    }
}
