import Foundation
import KubeModel

/// The simulated storage: PersistentVolumeClaims are provisioned a PersistentVolume of their
/// StorageClass (the default `standard` when they name none) and both become Bound; a volume whose
/// claim is gone is deleted or, under the Retain policy, Released.
struct VolumeBinder: Reconciler {
    let client: InProcessClient
    let timing: SimulationTiming
    private let events: EventRecorder

    init(client: InProcessClient, timing: SimulationTiming) {
        self.client = client
        self.timing = timing
        events = EventRecorder(client: client, component: "persistentvolume-controller")
    }

    var name: String { "persistentvolume-controller" }
    var watchedStorages: [String] { [SimulatedResources.persistentVolumeClaims.storageKey, SimulatedResources.persistentVolumes.storageKey] }

    func keys(for event: WatchEvent, object: JSONValue) async -> [ObjectKey] {
        if event.key.storage == SimulatedResources.persistentVolumeClaims.storageKey, event.type == .deleted {
            // The claim's volume must now be reclaimed.
            guard let volume = object[path: ["spec", "volumeName"]]?.stringValue else { return [] }
            return [ObjectKey(storage: SimulatedResources.persistentVolumes.storageKey, namespace: "", name: volume)]
        }
        return [event.key]
    }

    func reconcile(_ key: ObjectKey) async -> Duration? {
        if key.storage == SimulatedResources.persistentVolumes.storageKey {
            await reclaimIfReleased(key.name)
            return nil
        }
        guard let claim = await client.get(SimulatedResources.persistentVolumeClaims, namespace: key.namespace, name: key.name), !claim.isBeingDeleted,
            claim[path: ["status", "phase"]]?.stringValue != "Bound"
        else { return nil }
        if let volumeName = claim[path: ["spec", "volumeName"]]?.stringValue {
            // Pre-bound to a volume: bind when it exists.
            guard let volume = await client.get(SimulatedResources.persistentVolumes, namespace: "", name: volumeName) else { return nil }
            await bind(claim, to: volume, storageClass: claim[path: ["spec", "storageClassName"]]?.stringValue)
            return nil
        }
        let className = await storageClassName(for: claim)
        guard let className, !className.isEmpty,
            let storageClass = await client.get(SimulatedResources.storageClasses, namespace: "", name: className)
        else { return nil }
        let ready = (claim.creationDate ?? Date()).addingTimeInterval(timing.provisioning(claim.uid))
        if ready > Date() { return ready.timeIntervalSinceNow.duration }
        let provisioner = storageClass["provisioner"]?.stringValue ?? SimulatedInfrastructure.provisioner
        let volumeName = "pvc-\(claim.uid)"
        let volume: JSONValue = [
            "apiVersion": "v1", "kind": "PersistentVolume",
            "metadata": ["name": .string(volumeName), "annotations": ["pv.kubernetes.io/provisioned-by": .string(provisioner)]],
            "spec": [
                "capacity": ["storage": claim[path: ["spec", "resources", "requests", "storage"]] ?? "1Gi"],
                "accessModes": claim[path: ["spec", "accessModes"]] ?? ["ReadWriteOnce"],
                "persistentVolumeReclaimPolicy": storageClass["reclaimPolicy"] ?? "Delete",
                "storageClassName": .string(className),
                "volumeMode": claim[path: ["spec", "volumeMode"]] ?? "Filesystem",
                "hostPath": ["path": .string("/var/local-path-provisioner/\(volumeName)_\(claim.namespace)_\(claim.name)"), "type": "DirectoryOrCreate"],
                "claimRef": [
                    "apiVersion": "v1", "kind": "PersistentVolumeClaim", "namespace": .string(claim.namespace), "name": .string(claim.name),
                    "uid": .string(claim.uid),
                ],
            ],
        ]
        let created: JSONValue
        do {
            created = try await client.create(volume)
        } catch where error.code == 409 {
            guard let existing = await client.get(SimulatedResources.persistentVolumes, namespace: "", name: volumeName) else { return nil }
            created = existing
        } catch {
            await events.record(claim, .warning, reason: "ProvisioningFailed", message: "failed to provision volume with StorageClass \"\(className)\": \(error.message)")
            return nil
        }
        await events.record(claim, reason: "ProvisioningSucceeded", message: "Successfully provisioned volume \(volumeName) using \(provisioner)")
        await bind(claim, to: created, storageClass: className, provisioner: provisioner)
        return nil
    }

    /// The claim's StorageClass, or the default one when it names none (as the DefaultStorageClass
    /// admission plugin would have filled in).
    private func storageClassName(for claim: JSONValue) async -> String? {
        if let name = claim[path: ["spec", "storageClassName"]]?.stringValue { return name }
        return await client.list(SimulatedResources.storageClasses, namespace: nil)
            .first { $0.annotations["storageclass.kubernetes.io/is-default-class"] == "true" }?.name
    }

    private func bind(_ claim: JSONValue, to volume: JSONValue, storageClass: String?, provisioner: String? = nil) async {
        _ = try? await client.modify(SimulatedResources.persistentVolumes, namespace: "", name: volume.name, subresource: "status") {
            $0[path: ["status", "phase"]] = "Bound"
        }
        _ = try? await client.modify(SimulatedResources.persistentVolumeClaims, namespace: claim.namespace, name: claim.name) { object in
            object[path: ["spec", "volumeName"]] = .string(volume.name)
            if let storageClass { object[path: ["spec", "storageClassName"]] = .string(storageClass) }
            object[path: ["metadata", "annotations", "pv.kubernetes.io/bind-completed"]] = "yes"
            object[path: ["metadata", "annotations", "pv.kubernetes.io/bound-by-controller"]] = "yes"
            if let provisioner {
                object[path: ["metadata", "annotations", "volume.kubernetes.io/storage-provisioner"]] = .string(provisioner)
                object[path: ["metadata", "annotations", "volume.beta.kubernetes.io/storage-provisioner"]] = .string(provisioner)
            }
        }
        let capacity = volume[path: ["spec", "capacity"]]
        let accessModes = volume[path: ["spec", "accessModes"]]
        _ = try? await client.modify(SimulatedResources.persistentVolumeClaims, namespace: claim.namespace, name: claim.name, subresource: "status") { object in
            object["status"] = ["phase": "Bound", "accessModes": accessModes ?? ["ReadWriteOnce"], "capacity": capacity ?? .emptyObject]
        }
    }

    /// A volume whose claim no longer exists is deleted (reclaim policy Delete) or marked Released.
    private func reclaimIfReleased(_ name: String) async {
        guard let volume = await client.get(SimulatedResources.persistentVolumes, namespace: "", name: name), !volume.isBeingDeleted,
            let claimNamespace = volume[path: ["spec", "claimRef", "namespace"]]?.stringValue,
            let claimName = volume[path: ["spec", "claimRef", "name"]]?.stringValue
        else { return }
        let claim = await client.get(SimulatedResources.persistentVolumeClaims, namespace: claimNamespace, name: claimName)
        if let claim, claim.uid == volume[path: ["spec", "claimRef", "uid"]]?.stringValue { return }
        if volume[path: ["spec", "persistentVolumeReclaimPolicy"]]?.stringValue == "Delete" {
            try? await client.delete(SimulatedResources.persistentVolumes, namespace: "", name: name)
        } else {
            _ = try? await client.modify(SimulatedResources.persistentVolumes, namespace: "", name: name, subresource: "status") {
                $0[path: ["status", "phase"]] = "Released"
            }
        }
    }
}
