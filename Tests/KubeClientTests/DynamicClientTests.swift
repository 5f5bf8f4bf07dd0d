import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import LocalCluster
import Testing

/// Every verb of the dynamic client against the embedded cluster over HTTPS.
@Suite struct DynamicClientTests {
    @Test func createGetUpdateAndDeleteConfigMaps() async throws {
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            let created = try await client.create(configMap("settings", data: ["mode": "fast"]))
            #expect(created.uid?.isEmpty == false)
            #expect(created.resourceVersion?.isEmpty == false)

            var fetched = try await client.get(Resources.configMaps, namespace: "default", name: "settings")
            #expect(fetched[path: "data", "mode"]?.stringValue == "fast")

            fetched[path: "data", "mode"] = "safe"
            let updated = try await client.update(fetched)
            #expect(updated[path: "data", "mode"]?.stringValue == "safe")

            // A stale resourceVersion is a conflict, not a silent overwrite.
            var stale = fetched
            stale[path: "data", "mode"] = "lost"
            let conflict = await #expect(throws: KubeError.self) { try await client.update(stale) }
            #expect(conflict?.category == .conflict)

            let duplicate = await #expect(throws: KubeError.self) { try await client.create(configMap("settings")) }
            #expect(duplicate?.category == .alreadyExists)

            try await client.delete(updated)
            let missing = await #expect(throws: KubeError.self) {
                try await client.get(Resources.configMaps, namespace: "default", name: "settings")
            }
            #expect(missing?.category == .notFound)
            #expect(missing?.description.contains("\"settings\" not found") == true, "\(String(describing: missing))")
        }
    }

    @Test func listsPageByPageAndBySelector() async throws {
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            for index in 0..<23 {
                var object = configMap("item-\(index)")
                object.setLabel("parity", index.isMultiple(of: 2) ? "even" : "odd")
                _ = try await client.create(object)
            }
            let page = try await client.list(Resources.configMaps, namespace: "default", options: ListOptions(limit: 10))
            #expect(page.items.count == 10)
            #expect(page.continueToken != nil)
            #expect(page.items.allSatisfy { $0.kind == "ConfigMap" && $0.apiVersion == "v1" })

            let all = try await client.listAll(Resources.configMaps, namespace: "default", pageSize: 7)
            #expect(Set(all.items.map(\.name)).count == 23 + all.items.filter { !$0.name.hasPrefix("item-") }.count)
            #expect(all.items.filter { $0.name.hasPrefix("item-") }.count == 23)

            let even = try await client.list(Resources.configMaps, namespace: "default", options: ListOptions(labelSelector: "parity=even"))
            #expect(even.items.count == 12)
            let named = try await client.list(Resources.configMaps, namespace: "default", options: ListOptions(fieldSelector: "metadata.name=item-3"))
            #expect(named.items.map(\.name) == ["item-3"])
        }
    }

    @Test func patchesOfEveryType() async throws {
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            _ = try await client.create(deployment("web", replicas: 1))
            let merged = try await client.patch(
                Resources.deployments, namespace: "default", name: "web", type: .merge, ["metadata": ["labels": ["tier": "front"]]])
            #expect(merged.label("tier") == "front")

            let json = try await client.patch(
                Resources.deployments, namespace: "default", name: "web", type: .json,
                [["op": "replace", "path": "/spec/replicas", "value": 3]])
            #expect(json[path: "spec", "replicas"]?.int64Value == 3)

            // Strategic: the container list merges by name, so the image changes and nothing else.
            let strategic = try await client.patch(
                Resources.deployments, namespace: "default", name: "web", type: .strategic,
                ["spec": ["template": ["spec": ["containers": [["name": "web", "image": "nginx:1.28"]]]]]])
            let containers = strategic[path: "spec", "template", "spec", "containers"]?.arrayValue ?? []
            #expect(containers.count == 1)
            #expect(containers.first?["image"]?.stringValue == "nginx:1.28")

            let applied = try await client.patch(
                Resources.deployments, namespace: "default", name: "web", type: .apply,
                ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "annotations": ["owner": "team-a"]]],
                options: WriteOptions(fieldManager: "team-a"))
            #expect(applied.annotation("owner") == "team-a")
            #expect(applied[path: "metadata", "managedFields"]?.arrayValue?.contains { $0["manager"]?.stringValue == "team-a" } == true)

            let noManager = await #expect(throws: KubeError.self) {
                try await client.patch(Resources.deployments, namespace: "default", name: "web", type: .apply, ["kind": "Deployment"])
            }
            #expect(noManager?.description.contains("field manager") == true)
        }
    }

    @Test func statusAndScaleSubresourcesAndDryRun() async throws {
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            _ = try await client.create(deployment("api", replicas: 2))
            var scale = try await client.get(Resources.deployments, namespace: "default", name: "api", subresource: "scale")
            #expect(scale.kind == "Scale")
            #expect(scale[path: "spec", "replicas"]?.int64Value == 2)
            scale[path: "spec", "replicas"] = 5
            _ = try await client.update(Resources.deployments, namespace: "default", scale, subresource: "scale")
            #expect(try await client.get(Resources.deployments, namespace: "default", name: "api")[path: "spec", "replicas"]?.int64Value == 5)

            // Status writes go through the status subresource only; the spec in the body is ignored there.
            _ = try await client.create(widgetDefinition)
            let widgets = try await eventually {
                try? await client.discovery.resource(for: GroupVersionKind(group: "example.com", version: "v1", kind: "Widget"))
            }
            var widget = KubeObject(apiVersion: "example.com/v1", kind: "Widget", name: "w", namespace: "default")
            widget["spec"] = ["size": 1]
            widget = try await client.create(widget)
            widget["status"] = ["phase": "Ready"]
            widget[path: "spec", "size"] = 7
            let afterStatus = try await client.update(widgets.groupVersionResource, namespace: "default", widget, subresource: "status")
            #expect(afterStatus[path: "status", "phase"]?.stringValue == "Ready")
            #expect(afterStatus[path: "spec", "size"]?.int64Value == 1)

            let dry = try await client.create(configMap("ghost"), options: WriteOptions(dryRun: true))
            #expect(dry.name == "ghost")
            let ghost = await #expect(throws: KubeError.self) { try await client.get(Resources.configMaps, namespace: "default", name: "ghost") }
            #expect(ghost?.category == .notFound)
        }
    }

    @Test func deleteWithPreconditionsAndPropagation() async throws {
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            let created = try await client.create(configMap("guarded"))
            let wrongUID = await #expect(throws: KubeError.self) {
                try await client.delete(Resources.configMaps, namespace: "default", name: "guarded", options: DeleteOptions(preconditionUID: "not-the-uid"))
            }
            #expect(wrongUID?.category == .conflict)
            try await client.delete(
                Resources.configMaps, namespace: "default", name: "guarded",
                options: DeleteOptions(preconditionUID: created.uid, preconditionResourceVersion: created.resourceVersion))

            // Orphaning keeps the Deployment's ReplicaSets; background deletion removes them.
            _ = try await client.create(deployment("kept"))
            let replicaSets = try await eventually {
                let sets = try await client.list(Resources.replicaSets, namespace: "default", options: ListOptions(labelSelector: "app=kept"))
                return sets.items.isEmpty ? nil : sets.items
            }
            try await client.delete(Resources.deployments, namespace: "default", name: "kept", options: DeleteOptions(propagationPolicy: .orphan))
            let orphan = try await eventually {
                let set = try await client.get(Resources.replicaSets, namespace: "default", name: replicaSets[0].name)
                return set.ownerReferences.isEmpty ? set : nil
            }
            #expect(orphan.name == replicaSets[0].name)

            _ = try await client.create(deployment("gone"))
            _ = try await eventually {
                let sets = try await client.list(Resources.replicaSets, namespace: "default", options: ListOptions(labelSelector: "app=gone"))
                return sets.items.isEmpty ? nil : true
            }
            try await client.delete(Resources.deployments, namespace: "default", name: "gone", options: DeleteOptions(propagationPolicy: .background))
            _ = try await eventually {
                let sets = try await client.list(Resources.replicaSets, namespace: "default", options: ListOptions(labelSelector: "app=gone"))
                return sets.items.isEmpty ? true : nil
            }
        }
    }

    @Test func worksOverHTTP2IncludingWatches() async throws {
        try await RunningCluster.with(configure: { $0.http2 = true }) { cluster in
            let client = try cluster.client()
            let list = try await client.list(Resources.configMaps, namespace: "default")
            let stream = try await client.watch(
                Resources.configMaps, namespace: "default", options: WatchOptions(resourceVersion: list.resourceVersion, timeoutSeconds: 30))
            // Concurrent requests share the connection as HTTP/2 streams while the watch is open.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<5 { group.addTask { _ = try await client.create(configMap("h2-\(index)")) } }
                try await group.waitForAll()
            }
            var seen = Set<String>()
            for try await event in stream where event.type == .added {
                seen.insert(event.object.name)
                if seen.count == 5 { break }
            }
            #expect(seen == Set((0..<5).map { "h2-\($0)" }))
        }
    }

    @Test func discoveryResolvesBuiltinsAndCustomResourcesInstalledLater() async throws {
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            let deployments = try await client.discovery.resource(for: GroupVersionKind(group: "apps", version: "v1", kind: "Deployment"))
            #expect(deployments.groupVersionResource.resource == "deployments")
            #expect(deployments.namespaced)
            #expect(deployments.subresources.isSuperset(of: ["status", "scale"]))
            let namespaces = try await client.discovery.preferredResource(group: "", kind: "Namespace")
            #expect(!namespaces.namespaced)

            let unknown = await #expect(throws: KubeError.self) {
                try await client.discovery.resource(for: GroupVersionKind(group: "example.com", version: "v1", kind: "Widget"))
            }
            #expect(unknown?.description == "no matches for kind \"Widget\" in version \"example.com/v1\"")

            _ = try await client.create(widgetDefinition)
            // Discovery re-reads on an unknown kind (after its minimum interval), so the new kind resolves.
            let widget = try await eventually {
                try? await client.discovery.resource(for: GroupVersionKind(group: "example.com", version: "v1", kind: "Widget"))
            }
            #expect(widget.groupVersionResource.resource == "widgets")
            var object = KubeObject(apiVersion: "example.com/v1", kind: "Widget", name: "w1", namespace: "default")
            object["spec"] = ["size": 3]
            let created = try await client.create(object)
            #expect(created[path: "spec", "size"]?.int64Value == 3)
        }
    }
}

/// A namespaced CRD `widgets.example.com` with a status subresource and a schema that keeps `spec.size` and `status.phase`.
let widgetDefinition = try! KubeObject([
    "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "metadata": ["name": "widgets.example.com"],
    "spec": [
        "group": "example.com", "scope": "Namespaced",
        "names": ["plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList"],
        "versions": [[
            "name": "v1", "served": true, "storage": true, "subresources": ["status": .emptyObject],
            "schema": ["openAPIV3Schema": ["type": "object", "properties": [
                "spec": ["type": "object", "properties": ["size": ["type": "integer"]]],
                "status": ["type": "object", "properties": ["phase": ["type": "string"]]],
            ]]],
        ]],
    ],
])

/// Polls `probe` until it returns a value, for up to `timeout`; for changes controllers make asynchronously.
func eventually<T: Sendable>(timeout: Duration = .seconds(60), _ probe: () async throws -> T?) async throws -> T {
    let deadline = ContinuousClock.now + timeout
    while true {
        if let value = try await probe() { return value }
        guard ContinuousClock.now < deadline else { throw TestFailure("condition not met within \(timeout)") }
        try await Task.sleep(for: .milliseconds(50))
    }
}
