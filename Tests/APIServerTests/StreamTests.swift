import AppController
import AsyncHTTPClient
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import NIOCore
import NIOHTTP1
import Testing

/// `/api/v1/stream/applications` as the UI's EventSource reads it: the current applications, then
/// every change, only for applications the caller may see.
@Suite struct StreamTests {
    @Test func theStreamSendsChangesOfVisibleApplicationsOnly() async throws {
        let configMaps = ["argocd-cm": ["accounts.bob": "login"], "argocd-rbac-cm": ["policy.csv": "p, bob, applications, get, team-a/*, allow"]]
        try await APITestServer.with(configMaps: configMaps) { server in
            var project = KubeObject(apiVersion: "argoproj.io/v1alpha1", kind: "AppProject", name: "team-a", namespace: "argocd")
            project["spec"] = ["sourceRepos": ["*"], "destinations": [["server": "*", "namespace": "*"]]]
            _ = try await server.client.create(project)
            try await server.createApplication("before", project: "team-a")
            try await server.setPassword("bob", "bob-password")
            try await eventually("bob can log in", timeout: .seconds(30)) {
                try await server.call(.POST, "/api/v1/session", body: ["username": "bob", "password": "bob-password"]).status == 200
            }
            let token = try await server.login("bob", "bob-password")

            let received = TextBuffer()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    var request = HTTPClientRequest(url: server.baseURL + "/api/v1/stream/applications")
                    request.headers.add(name: "Authorization", value: "Bearer \(token)")
                    let response = try await server.http.execute(request, timeout: .seconds(300))
                    #expect(response.headers["Content-Type"].first == "text/event-stream")
                    for try await chunk in response.body { received.append(String(buffer: chunk)) }
                }
                try await eventually("the existing application arrives", timeout: .seconds(30)) { received.text.contains("\"ADDED\"") && received.text.contains("\"before\"") }
                try await server.createApplication("hidden")
                try await server.createApplication("after", project: "team-a")
                _ = try await server.client.patch(
                    ArgoCRDs.applications, namespace: "argocd", name: "before", type: .merge, ["metadata": ["labels": ["touched": "yes"]]])
                try await eventually("the new and the changed application arrive", timeout: .seconds(30)) {
                    received.text.contains("\"after\"") && received.text.contains("\"MODIFIED\"") && received.text.contains("touched")
                }
                group.cancelAll()
            }
            let text = received.text
            #expect(!text.contains("\"hidden\""), "an application bob may not get was streamed to him")
            #expect(text.split(separator: "\n").filter { $0.hasPrefix("data: ") }.allSatisfy { line in
                (try? JSONParser.parse(bytes: Array(line.dropFirst(6).utf8)))?[path: ["result", "type"]] != nil
            })
        }
    }

    /// The dashboard opens the stream with a resourceVersion, then lists: the stream does not
    /// replay every application (as upstream), but whatever changes once it is open arrives,
    /// deletions included — even a change made the moment the answer's head is out.
    @Test func aStreamWithAResourceVersionSendsChangesOnly() async throws {
        try await APITestServer.with { server in
            let token = try await server.login("admin", try await server.initialAdminPassword())
            for name in ["unchanged", "changed", "doomed"] { try await server.createApplication(name) }
            try await eventually("the server's cache has them", timeout: .seconds(30)) {
                try await server.call(.GET, "/api/v1/applications?fields=items.metadata.name", token: token).json["items"]?.arrayValue?.count == 3
            }

            let received = TextBuffer()
            try await withThrowingTaskGroup(of: Void.self) { group in
                let (opened, open) = AsyncStream.makeStream(of: Void.self)
                group.addTask {
                    var request = HTTPClientRequest(url: server.baseURL + "/api/v1/stream/applications?resourceVersion=0")
                    request.headers.add(name: "Authorization", value: "Bearer \(token)")
                    let response = try await server.http.execute(request, timeout: .seconds(300))
                    open.yield()
                    for try await chunk in response.body { received.append(String(buffer: chunk)) }
                }
                for await _ in opened { break }
                _ = try await server.client.patch(
                    ArgoCRDs.applications, namespace: "argocd", name: "changed", type: .merge, ["metadata": ["labels": ["step": "live"]]])
                _ = try await server.client.delete(ArgoCRDs.applications, namespace: "argocd", name: "doomed")
                try await eventually("the change and the deletion arrive", timeout: .seconds(30)) {
                    received.text.contains("\"live\"") && received.text.contains("\"DELETED\"")
                }
                group.cancelAll()
            }
            let names = received.text.split(separator: "\n").filter { $0.hasPrefix("data: ") }.compactMap { line in
                (try? JSONParser.parse(bytes: Array(line.dropFirst(6).utf8)))?[path: ["result", "application", "metadata", "name"]]?.stringValue
            }
            #expect(names == ["changed", "doomed"], "the stream sent \(names): the existing applications were replayed, or a change was missed")
        }
    }
}
