import AsyncHTTPClient
import ClusterTestSupport
import Foundation
import KubeModel
import NIOCore
import NIOHTTP1
import Testing

/// Upstream's `fields` parameter: the list and the stream answer only the parts asked for, as the
/// dashboard asks for a few fields of thousands of applications.
@Suite struct FieldSelectionTests {
    @Test func listAndStreamKeepOnlyTheSelectedFields() async throws {
        try await APITestServer.with { server in
            let token = try await server.login("admin", try await server.initialAdminPassword())
            try await server.createApplication("one")
            try await server.createApplication("two")
            try await eventually("both are listed", timeout: .seconds(30)) {
                try await server.call(.GET, "/api/v1/applications", token: token).json["items"]?.arrayValue?.count == 2
            }

            let fields = "metadata.resourceVersion,items.metadata.name,items.spec.source.path"
            let slim = try await server.call(.GET, "/api/v1/applications?fields=\(fields)", token: token)
            #expect(slim.status == 200)
            let items = slim.json["items"]?.arrayValue ?? []
            #expect(items == [["metadata": ["name": "one"], "spec": ["source": ["path": "one"]]], ["metadata": ["name": "two"], "spec": ["source": ["path": "two"]]]], "\(slim.text)")
            #expect(slim.json[path: ["metadata", "resourceVersion"]]?.stringValue?.isEmpty == false)
            // Asked twice (served from the cache the second time), the answer is the same.
            #expect(try await server.call(.GET, "/api/v1/applications?fields=\(fields)", token: token).text == slim.text)
            // The whole objects are still there for callers who do not ask for fields.
            let whole = try await server.call(.GET, "/api/v1/applications", token: token)
            #expect(whole.json["items"]?.arrayValue?.first?[path: ["spec", "destination", "namespace"]] == "one")
            // A mask that names no `items.` path lists none.
            #expect(try await server.call(.GET, "/api/v1/applications?fields=metadata.resourceVersion", token: token).json["items"] == [])

            let received = TextBuffer()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    var request = HTTPClientRequest(url: server.baseURL + "/api/v1/stream/applications?fields=result.type,result.application.metadata.name")
                    request.headers.add(name: "Authorization", value: "Bearer \(token)")
                    let response = try await server.http.execute(request, timeout: .seconds(300))
                    for try await chunk in response.body { received.append(String(buffer: chunk)) }
                }
                try await eventually("the applications arrive on the stream", timeout: .seconds(30)) { received.text.contains("\"two\"") }
                group.cancelAll()
            }
            let events = received.text.split(separator: "\n").filter { $0.hasPrefix("data: ") }.compactMap { try? JSONParser.parse(bytes: Array($0.dropFirst(6).utf8)) }
            #expect(!events.isEmpty)
            for event in events {
                #expect(event == ["result": ["type": "ADDED", "application": ["metadata": ["name": event[path: ["result", "application", "metadata", "name"]] ?? .null]]]], "\(event)")
            }
        }
    }
}
