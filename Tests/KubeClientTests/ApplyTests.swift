import ClusterTestSupport
import KubeClient
import KubeModel
import Testing

/// Server-side and client-side apply, and create-or-update, as controllers use them.
@Suite struct ApplyTests {
    @Test func serverSideApplyReportsWhatChangedAndConflictsBetweenManagers() async throws {
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            let first = try await client.apply(configMap("shared", data: ["a": "1"]), fieldManager: "wharf")
            #expect(first.outcome == .created)
            let again = try await client.apply(configMap("shared", data: ["a": "1"]), fieldManager: "wharf")
            #expect(again.outcome == .unchanged)
            let changed = try await client.apply(configMap("shared", data: ["a": "2"]), fieldManager: "wharf")
            #expect(changed.outcome == .configured)
            #expect(changed.before?[path: "data", "a"]?.stringValue == "1")

            let conflict = await #expect(throws: KubeError.self) {
                try await client.apply(configMap("shared", data: ["a": "3"]), fieldManager: "someone-else")
            }
            #expect(conflict?.category == .conflict)
            #expect(conflict?.description.contains("wharf") == true, "\(String(describing: conflict))")

            let forced = try await client.apply(configMap("shared", data: ["a": "3"]), fieldManager: "someone-else", force: true)
            #expect(forced.object[path: "data", "a"]?.stringValue == "3")

            // Dropping a field from the configuration removes it, when the manager owns it alone.
            _ = try await client.apply(configMap("owned", data: ["keep": "1", "drop": "1"]), fieldManager: "wharf")
            let pruned = try await client.apply(configMap("owned", data: ["keep": "1"]), fieldManager: "wharf")
            #expect(pruned.object[path: "data", "drop"] == nil)
            #expect(pruned.object[path: "data", "keep"]?.stringValue == "1")
        }
    }

    @Test func clientSideApplyMergesThreeWays() async throws {
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            let created = try await client.clientSideApply(deployment("web", replicas: 2))
            #expect(created.outcome == .created)
            #expect(created.object.annotation(WellKnownAnnotations.lastAppliedConfiguration)?.contains("\"replicas\":2") == true)
            #expect(try await client.clientSideApply(deployment("web", replicas: 2)).outcome == .unchanged)

            // Someone else adds a label; our next apply changes the image and keeps their label.
            _ = try await client.patch(Resources.deployments, namespace: "default", name: "web", type: .merge, ["metadata": ["labels": ["extra": "x"]]])
            let updated = try await client.clientSideApply(deployment("web", replicas: 2, image: "nginx:1.28"))
            #expect(updated.outcome == .configured)
            #expect(updated.object.label("extra") == "x")
            let containers = updated.object[path: "spec", "template", "spec", "containers"]?.arrayValue ?? []
            #expect(containers.map { $0["image"]?.stringValue } == ["nginx:1.28"])

            // A field we applied before and dropped now is removed; custom resources use a merge patch.
            var annotated = deployment("web", replicas: 2, image: "nginx:1.28")
            annotated.setAnnotation("team", "a")
            _ = try await client.clientSideApply(annotated)
            let dropped = try await client.clientSideApply(deployment("web", replicas: 2, image: "nginx:1.28"))
            #expect(dropped.object.annotation("team") == nil)
            #expect(dropped.object.label("extra") == "x")
        }
    }

    @Test func createOrUpdateRetriesConflictingWrites() async throws {
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            let other = try cluster.client()
            let created = try await client.createOrUpdate(Resources.configMaps, namespace: "default", name: "counter") { live in
                live ?? configMap("counter", data: ["count": "0"])
            }
            #expect(created?.outcome == .created)
            // Many concurrent increments: every one lands, because conflicting writes are re-read and retried.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in [client, other] {
                    group.addTask {
                        for _ in 0..<5 {
                            _ = try await writer.createOrUpdate(Resources.configMaps, namespace: "default", name: "counter", maximumAttempts: 20) { live in
                                guard var object = live else { return nil }
                                let count = Int(object[path: "data", "count"]?.stringValue ?? "0") ?? 0
                                object[path: "data", "count"] = .string(String(count + 1))
                                return object
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let final = try await client.get(Resources.configMaps, namespace: "default", name: "counter")
            #expect(final[path: "data", "count"]?.stringValue == "10")
        }
    }
}
