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

    /// The dashboard lists first, then follows the stream from the list's version: what it already
    /// holds is not sent again, but whatever changed after the list is, even before the stream opened.
    @Test func aStreamFromTheListsVersionSendsOnlyNewerChanges() async throws {
        try await APITestServer.with { server in
            let token = try await server.login("admin", try await server.initialAdminPassword())
            for name in ["unchanged", "changed"] { try await server.createApplication(name) }
            let version = try await server.call(.GET, "/api/v1/applications?fields=metadata.resourceVersion,items.metadata.name", token: token)
                .json[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
            #expect(Int(version) != nil, "the list has no resourceVersion")
            // Changes between the list and the stream's start: the stream must still bring them.
            _ = try await server.client.patch(
                ArgoCRDs.applications, namespace: "argocd", name: "changed", type: .merge, ["metadata": ["labels": ["step": "between"]]])
            try await server.createApplication("created-between")
            try await eventually("the server's cache has the changes", timeout: .seconds(30)) {
                try await server.call(.GET, "/api/v1/applications?fields=items.metadata.name", token: token).json["items"]?.arrayValue?.count == 3
            }

            let received = TextBuffer()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    var request = HTTPClientRequest(url: server.baseURL + "/api/v1/stream/applications?resourceVersion=\(version)")
                    request.headers.add(name: "Authorization", value: "Bearer \(token)")
                    let response = try await server.http.execute(request, timeout: .seconds(300))
                    for try await chunk in response.body { received.append(String(buffer: chunk)) }
                }
                try await eventually("the changes made after the list arrive", timeout: .seconds(30)) {
                    received.text.contains("\"created-between\"") && received.text.contains("between")
                }
                _ = try await server.client.patch(
                    ArgoCRDs.applications, namespace: "argocd", name: "unchanged", type: .merge, ["metadata": ["labels": ["step": "live"]]])
                try await eventually("a live change arrives", timeout: .seconds(30)) { received.text.contains("\"live\"") }
                _ = try await server.client.delete(ArgoCRDs.applications, namespace: "argocd", name: "created-between")
                try await eventually("a deletion arrives", timeout: .seconds(30)) { received.text.contains("\"DELETED\"") }
                group.cancelAll()
            }
            let names = received.text.split(separator: "\n").filter { $0.hasPrefix("data: ") }.compactMap { line in
                (try? JSONParser.parse(bytes: Array(line.dropFirst(6).utf8)))?[path: ["result", "application", "metadata", "name"]]?.stringValue
            }
            #expect(names.filter { $0 == "unchanged" }.count == 1, "the unchanged application was sent again from the list's version: \(names)")
            #expect(names.first != "unchanged")
        }
    }
}
