import Foundation
import KubeModel

/// The ControllerRevisions StatefulSets and DaemonSets keep of their pod templates, which
/// `kubectl rollout history` and `rollout undo` read: one per distinct template, named
/// `<owner>-<hash>`, numbered in the order the templates were rolled out.
struct ControllerRevisions {
    let client: InProcessClient

    /// A revision of `owner`'s current template.
    struct Revision {
        /// The ControllerRevision's name, `<owner>-<hash>`.
        var name: String
        /// The template hash alone.
        var hash: String
    }

    /// The revision of `owner`'s current template, created (or renumbered as the newest, after a
    /// rollback) as needed; revisions beyond `revisionHistoryLimit` that are not `keep` are deleted.
    func current(for owner: JSONValue, keep: Set<String>) async -> Revision {
        let template = owner[path: ["spec", "template"]] ?? .emptyObject
        let hash = PodTemplateHash.of(template, collisionCount: owner.int("status", "collisionCount"))
        let name = "\(owner.name)-\(hash)"
        let existing = await client.owned(by: owner, SimulatedResources.controllerRevisions)
        let newest = existing.map { $0.int("revision") }.max() ?? 0
        if let found = existing.first(where: { $0.name == name }) {
            if found.int("revision") < newest {
                _ = try? await client.modify(SimulatedResources.controllerRevisions, namespace: owner.namespace, name: name) {
                    $0["revision"] = .int(newest + 1)
                }
            }
        } else {
            var data = template
            data["$patch"] = "replace"
            var labels = owner.stringMap(at: ["spec", "selector", "matchLabels"])
            labels["controller-revision-hash"] = hash
            let revision: JSONValue = [
                "apiVersion": "apps/v1", "kind": "ControllerRevision",
                "metadata": [
                    "name": .string(name), "namespace": .string(owner.namespace),
                    "labels": .object(JSONObject(uniqueKeysWithValues: labels.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })),
                    "ownerReferences": [owner.controllerOwnerReference],
                ],
                "data": ["spec": ["template": data]], "revision": .int(newest + 1),
            ]
            _ = try? await client.create(revision)
        }
        let limit = Int(owner[path: ["spec", "revisionHistoryLimit"]]?.int64Value ?? 10)
        let prunable = existing.filter { $0.name != name && !keep.contains($0.name) }.sorted { $0.int("revision") < $1.int("revision") }
        for old in prunable.prefix(max(0, prunable.count - limit)) {
            try? await client.delete(SimulatedResources.controllerRevisions, namespace: owner.namespace, name: old.name)
        }
        return Revision(name: name, hash: hash)
    }

    /// The pod template a revision recorded, for recreating pods at an older revision.
    func template(_ name: String, namespace: String) async -> JSONValue? {
        guard var template = await client.get(SimulatedResources.controllerRevisions, namespace: namespace, name: name)?[path: ["data", "spec", "template"]]
        else { return nil }
        template["$patch"] = nil
        return template
    }
}
