import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import LocalCluster
import Testing

/// Informers against the embedded cluster: initial sync, consistency under churn, restarts and 410s.
@Suite struct InformerTests {
    @Test func cacheMatchesAFreshListAfterAThousandRandomChanges() async throws {
        try await RunningCluster.with { cluster in
            let watcher = try cluster.client()
            let writer = try cluster.client()
            let informer = SharedInformer(client: watcher, resource: Resources.configMaps, namespace: "churn")
            _ = try await writer.create(KubeObject(apiVersion: "v1", kind: "Namespace", name: "churn"))
            let events = await informer.events()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await informer.run() }
                await informer.waitForCacheSync()

                // Versions seen per object, in delivery order; deleted names are remembered too.
                let collector = Task { () -> [String: [Int64]] in
                    var versions: [String: [Int64]] = [:]
                    for await event in events {
                        let object = event.object
                        versions[object.name, default: []].append(Int64(object.resourceVersion ?? "") ?? -1)
                        if case .deleted = event, object.name == "sentinel" { break }
                    }
                    return versions
                }
                var generator = SystemRandomNumberGenerator()
                var live: [String: Int] = [:]
                for step in 0..<1000 {
                    let name = "cm-\(Int.random(in: 0..<60, using: &generator))"
                    if let revision = live[name] {
                        if Bool.random(using: &generator) {
                            var object = try await writer.get(Resources.configMaps, namespace: "churn", name: name)
                            object[path: "data", "revision"] = .string(String(revision + 1))
                            _ = try await writer.update(object)
                            live[name] = revision + 1
                        } else {
                            try await writer.delete(Resources.configMaps, namespace: "churn", name: name)
                            live[name] = nil
                        }
                    } else {
                        _ = try await writer.create(configMap(name, namespace: "churn", data: ["revision": "0", "step": String(step)]))
                        live[name] = 0
                    }
                }
                _ = try await writer.create(configMap("sentinel", namespace: "churn"))
                try await writer.delete(Resources.configMaps, namespace: "churn", name: "sentinel")
                let delivered = await collector.value

                let fresh = try await writer.listAll(Resources.configMaps, namespace: "churn")
                let cached = await informer.list()
                #expect(Set(cached.map(\.name)) == Set(fresh.items.map(\.name)))
                #expect(Set(fresh.items.map(\.name)) == Set(live.keys))
                let freshByName = Dictionary(uniqueKeysWithValues: fresh.items.map { ($0.name, $0) })
                for object in cached {
                    #expect(object.resourceVersion == freshByName[object.name]?.resourceVersion, "\(object.name)")
                    #expect(object[path: "data", "revision"] == freshByName[object.name]?[path: "data", "revision"])
                }
                // Per object, versions only ever go forward, and the last one seen is the live one.
                for (name, versions) in delivered {
                    #expect(versions == versions.sorted(), "events for \(name) out of order: \(versions)")
                    if let object = freshByName[name] {
                        #expect(versions.last == Int64(object.resourceVersion ?? ""), "\(name)")
                    }
                }
                group.cancelAll()
            }
        }
    }

    @Test func anExpiredVersionLeadsToARelistThatLosesNoChange() async throws {
        // The server remembers 5 changes; every watch ends after a second and is served 1.5 s late,
        // so each re-watch asks for a version that more than 5 writes have pushed out: 410 Expired.
        let slowWatches = FaultInjection(rules: [FaultInjection.Rule(verb: .watch, resource: "configmaps", latency: .milliseconds(1500))])
        try await RunningCluster.with(faults: slowWatches, configure: { $0.watchHistoryLimit = 5 }) { cluster in
            let client = try cluster.client()
            let writer = try cluster.client()
            let informer = SharedInformer(client: client, resource: Resources.configMaps, namespace: "default", watchTimeout: 1...1)
            let events = await informer.events()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await informer.run() }
                await informer.waitForCacheSync()
                for index in 0..<60 {
                    _ = try await writer.create(configMap("new-\(index)"))
                    try await Task.sleep(for: .milliseconds(50))
                }
                var added = Set<String>()
                for await event in events {
                    if case .added(let object) = event, object.name.hasPrefix("new-") { added.insert(object.name) }
                    if added.count == 60 { break }
                }
                #expect(added == Set((0..<60).map { "new-\($0)" }))
                #expect(await informer.lists >= 2, "no watch expired, so the test did not exercise a relist")
                let cached = Set(await informer.list().map(\.name))
                #expect(cached.isSuperset(of: added))
                group.cancelAll()
            }
        }
    }

    @Test func indexesFindObjectsByNamespaceOwnerAndLabel() async throws {
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            _ = try await client.create(deployment("indexed", replicas: 1))
            let informer = SharedInformer(
                client: client, resource: Resources.replicaSets,
                indexes: ["image": { object in
                    (object[path: "spec", "template", "spec", "containers"]?.arrayValue ?? []).compactMap { $0["image"]?.stringValue }
                }])
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await informer.run() }
                await informer.waitForCacheSync()
                let owner = try await client.get(Resources.deployments, namespace: "default", name: "indexed")
                let owned = try await eventually {
                    let sets = await informer.objects(in: ObjectIndexer.ownerIndex, value: owner.uid ?? "")
                    return sets.isEmpty ? nil : sets
                }
                #expect(owned.count == 1)
                #expect(await informer.objects(in: ObjectIndexer.namespaceIndex, value: "default").count == 1)
                #expect(await informer.objects(in: ObjectIndexer.labelIndex, value: "app=indexed").count == 1)
                #expect(await informer.objects(in: "image", value: "nginx:1.27").count == 1)
                #expect(await informer.objects(in: "image", value: "nginx:9").isEmpty)
                group.cancelAll()
            }
        }
    }

    @Test func clusterWatchFollowsEveryKindAndNewCustomResources() async throws {
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            let watch = ClusterWatch(client: client)
            let events = await watch.events()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await watch.run() }
                let kinds = try await eventually {
                    let kinds = Set(await watch.resources.map(\.kind))
                    return kinds.contains("Deployment") ? kinds : nil
                }
                #expect(kinds.isSuperset(of: ["ConfigMap", "Secret", "Deployment", "Service", "Namespace", "CustomResourceDefinition"]))
                #expect(!kinds.contains("Event"))
                await watch.waitForCacheSync()

                _ = try await client.create(widgetDefinition)
                _ = try await eventually { await watch.resources.contains { $0.kind == "Widget" } ? true : nil }
                let widgets = try #require(await watch.informer(for: GroupVersionResource(group: "example.com", version: "v1", resource: "widgets")))
                await widgets.waitForCacheSync()
                _ = try await client.create(KubeObject(apiVersion: "example.com/v1", kind: "Widget", name: "w", namespace: "default"))
                for await change in events where change.resource.kind == "Widget" {
                    #expect(change.event.object.name == "w")
                    break
                }
                group.cancelAll()
            }
        }
    }
}
