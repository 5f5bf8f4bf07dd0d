import Foundation
import KubeModel

/// What a simulated cluster has before any workload: Ready nodes to schedule pods on and a default
/// StorageClass for claims. Created at bootstrap when absent; existing ones (after a restart, or
/// changed by a user) are left as they are.
enum SimulatedInfrastructure {
    /// The simulated nodes' names.
    static let nodeNames = (1...3).map { "wharf-node-\($0)" }
    /// The address the simulated ingress controller's load balancer answers on.
    static let ingressAddress = "172.18.255.1"
    /// The name of the default StorageClass.
    static let defaultStorageClass = "standard"
    /// The provisioner named by the default StorageClass and the volumes it provisions.
    static let provisioner = "wharf.io/local-path"

    static func ensure(client: InProcessClient) async throws(APIError) {
        for (index, name) in nodeNames.enumerated() where await client.get(SimulatedResources.nodes, namespace: "", name: name) == nil {
            let created = try await client.create(node(name, index: index))
            var withStatus = created
            withStatus["status"] = nodeStatus(name, index: index, since: Timestamps.format(Date()))
            try await client.update(withStatus, subresource: "status")
        }
        if await client.get(SimulatedResources.storageClasses, namespace: "", name: defaultStorageClass) == nil {
            try await client.create([
                "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
                "metadata": ["name": .string(defaultStorageClass), "annotations": ["storageclass.kubernetes.io/is-default-class": "true"]],
                "provisioner": .string(provisioner), "reclaimPolicy": "Delete", "volumeBindingMode": "Immediate", "allowVolumeExpansion": true,
            ])
        }
    }

    private static func node(_ name: String, index: Int) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Node",
            "metadata": [
                "name": .string(name),
                "labels": [
                    "kubernetes.io/hostname": .string(name), "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
                    "beta.kubernetes.io/os": "linux", "beta.kubernetes.io/arch": "amd64",
                    "node.kubernetes.io/instance-type": "wharf-simulated", "topology.kubernetes.io/region": "wharf-local",
                    "topology.kubernetes.io/zone": .string("wharf-local-\(["a", "b", "c"][index % 3])"),
                ],
                "annotations": ["node.alpha.kubernetes.io/ttl": "0", "volumes.kubernetes.io/controller-managed-attach-detach": "true"],
            ],
            "spec": [
                "podCIDR": .string("10.244.\(index).0/24"), "podCIDRs": [.string("10.244.\(index).0/24")], "providerID": .string("wharf://\(name)"),
            ],
        ]
    }

    private static func nodeStatus(_ name: String, index: Int, since: String) -> JSONValue {
        let resources: JSONValue = ["cpu": "8", "memory": "32Gi", "pods": "110", "ephemeral-storage": "100Gi", "hugepages-2Mi": "0"]
        func condition(_ type: String, _ status: String, _ reason: String, _ message: String) -> JSONValue {
            [
                "type": .string(type), "status": .string(status), "reason": .string(reason), "message": .string(message),
                "lastHeartbeatTime": .string(since), "lastTransitionTime": .string(since),
            ]
        }
        var machine = FNVHash()
        machine.add(name)
        let machineID = String(repeating: String(machine.value, radix: 16), count: 4)
        return [
            "capacity": resources, "allocatable": resources,
            "conditions": [
                condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
                condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
            ],
            "addresses": [["type": "InternalIP", "address": .string("172.18.0.\(index + 2)")], ["type": "Hostname", "address": .string(name)]],
            "daemonEndpoints": ["kubeletEndpoint": ["Port": 10250]],
            "nodeInfo": [
                "machineID": .string(machineID), "systemUUID": .string(machineID), "bootID": .string(machineID),
                "kernelVersion": "6.8.0-wharf", "osImage": "Wharf simulated node", "containerRuntimeVersion": "containerd://1.7.24",
                "kubeletVersion": "v1.32.0", "kubeProxyVersion": "v1.32.0", "operatingSystem": "linux", "architecture": "amd64",
            ],
            "phase": "Running",
        ]
    }
}
