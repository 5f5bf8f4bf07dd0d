import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import NIOHTTP1
import Testing

/// `/api/v1/applications/{name}/resource`: one live resource of an application, read, patched and
/// deleted — only resources the application has, Secret values masked, and patch/delete needing
/// Argo CD 3's fine-grained `update/...` and `delete/...` actions.
@Suite struct ApplicationResourceTests {
    static let policy = """
        g, alice, role:readonly
        p, bob, applications, get, default/*, allow
        p, bob, applications, update, default/*, allow
        p, carol, applications, get, default/*, allow
        p, carol, applications, update/*/ConfigMap/*, default/*, allow
        """

    @Test func aResourceOfTheApplicationIsReadPatchedAndDeletedAsThePolicySays() async throws {
        let configMaps = [
            "argocd-cm": ["accounts.alice": "login", "accounts.bob": "login", "accounts.carol": "login"],
            "argocd-rbac-cm": ["policy.csv": Self.policy],
        ]
        try await APITestServer.with(configMaps: configMaps) { server in
            let admin = try await server.login("admin", try await server.initialAdminPassword())
            var tokens: [String: String] = [:]
            for name in ["alice", "bob", "carol"] {
                try await server.setPassword(name, "\(name)-password")
                try await eventually("\(name) can log in", timeout: .seconds(30)) {
                    try await server.call(.POST, "/api/v1/session", body: ["username": .string(name), "password": .string("\(name)-password")]).status == 200
                }
                tokens[name] = try await server.login(name, "\(name)-password")
            }
            try await server.createApplication("web")
            var config = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "web-config", namespace: "web")
            config["data"] = ["color": "blue"]
            var secret = KubeObject(apiVersion: "v1", kind: "Secret", name: "web-secret", namespace: "web")
            secret["stringData"] = ["token": "hunter2-value"]
            try await server.deploy([config, secret], as: "web")
            var stranger = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "not-mine", namespace: "web")
            stranger["data"] = ["x": "y"]
            _ = try await server.client.create(stranger)

            let base = "/api/v1/applications/web/resource?namespace=web&version=v1&group="
            let configPath = base + "&kind=ConfigMap&resourceName=web-config"
            try await eventually("the server sees the application's resources", timeout: .seconds(30)) {
                try await server.call(.GET, configPath, token: admin).status == 200
            }

            // Read: the live object, as a JSON string in `manifest`; Secret values never come out.
            let read = try await server.call(.GET, configPath, token: tokens["alice"])
            let manifest = try JSONParser.parse(bytes: Array((read.json["manifest"]?.stringValue ?? "").utf8))
            #expect(manifest[path: ["data", "color"]] == "blue", "\(read.text)")
            let secretRead = try await server.call(.GET, base + "&kind=Secret&resourceName=web-secret", token: admin)
            #expect(secretRead.status == 200 && !secretRead.text.contains("hunter2") && !secretRead.text.contains("aHVudGVyMi"), "\(secretRead.text)")

            // Only what the application has: another object in the same namespace is not reachable.
            let other = try await server.call(.GET, base + "&kind=ConfigMap&resourceName=not-mine", token: admin)
            #expect(other.status == 404 && other.text.contains("not a resource of application web"), "\(other.text)")
            #expect(try await server.call(.GET, configPath).status == 401)

            // Patch: read-only and plain `update` are refused; `update/*/ConfigMap/*` and admin may.
            let patch = "{\"data\":{\"color\":\"green\"}}"
            for name in ["alice", "bob"] {
                let refused = try await server.call(.POST, configPath + "&patchType=application/merge-patch+json", token: tokens[name], body: .string(patch))
                #expect(refused.status == 403, "\(name): \(refused.status) \(refused.text)")
            }
            #expect(try await server.client.get(config)[path: "data", "color"] == "blue")
            let patched = try await server.call(.POST, configPath + "&patchType=application/merge-patch+json", token: tokens["carol"], body: .string(patch))
            #expect(patched.status == 200, "\(patched.text)")
            #expect(try await server.client.get(config)[path: "data", "color"] == "green")
            let carolOnSecret = try await server.call(.POST, base + "&kind=Secret&resourceName=web-secret", token: tokens["carol"], body: .string("{\"metadata\":{\"labels\":{\"a\":\"b\"}}}"))
            #expect(carolOnSecret.status == 403, "\(carolOnSecret.text)")
            let jsonPatch = try await server.call(
                .POST, configPath + "&patchType=application/json-patch+json", token: admin, body: .string("[{\"op\":\"add\",\"path\":\"/data/size\",\"value\":\"L\"}]"))
            #expect(jsonPatch.status == 200, "\(jsonPatch.text)")
            #expect(try await server.client.get(config)[path: "data", "size"] == "L")
            let badPatch = try await server.call(.POST, configPath, token: admin, body: .string("{not json"))
            #expect(badPatch.status == 400 && badPatch.text.contains("patch"), "\(badPatch.text)")

            // Delete: refused to carol (no delete action), done for admin.
            #expect(try await server.call(.DELETE, configPath, token: tokens["carol"]).status == 403)
            let deleted = try await server.call(.DELETE, configPath + "&force=true", token: admin)
            #expect(deleted.status == 200, "\(deleted.text)")
            try await eventually("the ConfigMap is gone", timeout: .seconds(30)) {
                do throws(KubeError) {
                    _ = try await server.client.get(config)
                    return false
                } catch {
                    return error.category == .notFound
                }
            }
            #expect(try await server.client.get(stranger)[path: "data", "x"] == "y")
        }
    }

    /// The resource panel's Events tab: the events of one resource in the application's tree, not
    /// those of its neighbours; a resource outside the tree is refused.
    @Test func eventsOfOneResourceOfTheApplication() async throws {
        try await APITestServer.with { server in
            let admin = try await server.login("admin", try await server.initialAdminPassword())
            try await server.createApplication("web")
            let config = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "web-config", namespace: "web")
            let other = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "web-other", namespace: "web")
            try await server.deploy([config, other], as: "web")
            let stranger = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "stranger", namespace: "web")
            _ = try await server.client.create(stranger)
            let events = GroupVersionResource(group: "", version: "v1", resource: "events")
            for (name, reason) in [("web-config", "Reloaded"), ("web-other", "Ignored"), ("stranger", "Private")] {
                let live = try await server.client.get(GroupVersionResource(group: "", version: "v1", resource: "configmaps"), namespace: "web", name: name)
                var event = KubeObject(apiVersion: "v1", kind: "Event", name: "\(name).1", namespace: "web")
                event["involvedObject"] = ["kind": "ConfigMap", "namespace": "web", "name": .string(name), "uid": .string(live.uid ?? "")]
                event["reason"] = .string(reason)
                event["message"] = .string("\(reason) \(name)")
                _ = try await server.client.create(events, namespace: "web", event)
            }
            let uid = try await server.client.get(GroupVersionResource(group: "", version: "v1", resource: "configmaps"), namespace: "web", name: "web-config").uid ?? ""

            let answer = try await server.call(.GET, "/api/v1/applications/web/events?resourceNamespace=web&resourceName=web-config&resourceUID=\(uid)", token: admin)
            let reasons = answer.json["items"]?.arrayValue?.compactMap { $0["reason"]?.stringValue } ?? []
            #expect(answer.status == 200 && reasons == ["Reloaded"], "\(answer.status) \(answer.text)")
            let outside = try await server.call(.GET, "/api/v1/applications/web/events?resourceNamespace=web&resourceName=stranger", token: admin)
            #expect(outside.status == 404 && outside.text.contains("not found as part of application web"), "\(outside.status) \(outside.text)")
            #expect(!outside.text.contains("Private"))
        }
    }
}
