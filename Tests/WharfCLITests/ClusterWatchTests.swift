import Foundation
import KubeModel
import Testing

/// Watch bookmarks, and what a client gets when it resumes from a resource version the server no
/// longer remembers (`--watch-history`), seen raw through curl as a client library sees them.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil && CommandRunner.which("curl") != nil, "kubectl and curl are needed for the watch tests"))
struct ClusterWatchTests {
    /// Creates `count` ConfigMaps named `prefix-N` in `default`, in one kubectl call.
    private func createConfigMaps(_ cluster: ClusterProcess, prefix: String, count: Int) throws {
        let manifests = (0..<count).map { "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(prefix)-\($0)\n  namespace: default\n" }
        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: manifests.joined(separator: "---\n"))
    }

    /// The resource version of a list of ConfigMaps in `default` (kubectl prints lists without it).
    private func listVersion(_ cluster: ClusterProcess) throws -> Int {
        let list = try get(cluster, "/api/v1/namespaces/default/configmaps").body
        return try #require(list[path: ["metadata", "resourceVersion"]]?.stringValue.flatMap { Int($0) }, "\(list)")
    }

    /// GET `path` as the admin; the response body and the HTTP status.
    private func get(_ cluster: ClusterProcess, _ path: String) throws -> (body: JSONValue, status: String) {
        let result = try CommandRunner.run(
            "/usr/bin/env", try cluster.adminCurlArguments() + ["-w", "\n%{http_code}", "\(try cluster.serverURL())\(path)"], timeout: 60)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        let body = try JSONParser.parse(lines.dropLast().joined(separator: "\n"))
        return (body, String(lines.last ?? ""))
    }

    @Test func bookmarksArriveOnlyOnWatchesThatAllowThem() throws {
        let cluster = try ClusterProcess(arguments: ["--watch-bookmark-interval", "1"])
        let url = "\(try cluster.serverURL())/api/v1/namespaces/default/configmaps?watch=true"
        // The watch without bookmarks starts first, so every bookmark the other one sees came after it started.
        let plain = try BackgroundCommand("/usr/bin/env", try cluster.adminCurlArguments() + ["-N", url])
        defer { plain.stop() }
        let bookmarked = try BackgroundCommand("/usr/bin/env", try cluster.adminCurlArguments() + ["-N", url + "&allowWatchBookmarks=true"])
        defer { bookmarked.stop() }
        try cluster.applyConfigMap("watched", namespace: "default")
        let created = try #require(
            Int(cluster.kubectlOutput(["get", "configmap", "watched", "-n", "default", "-o", "jsonpath={.metadata.resourceVersion}"])))
        let bookmark = #"{"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":""#
        func bookmarks(_ output: String) -> Int { output.components(separatedBy: bookmark).count - 1 }
        // Once both watches have the ConfigMap, both are open; two more bookmarks mean at least one was
        // sent while the plain watch was open, and after the ConfigMap's event.
        #expect(plain.waitForOutput { $0.contains(#""name":"watched""#) }, "\(plain.output)")
        #expect(bookmarked.waitForOutput { $0.contains(#""name":"watched""#) }, "\(bookmarked.output)")
        let seen = bookmarks(bookmarked.output)
        #expect(bookmarked.waitForOutput { bookmarks($0) >= seen + 2 }, "\(bookmarked.output)")
        let lines = bookmarked.output.split(separator: "\n").map(String.init)
        let addedAt = try #require(lines.firstIndex { $0.contains(#""type":"ADDED""#) && $0.contains(#""name":"watched""#) }, "\(lines)")
        let versions = lines[addedAt...].filter { $0.hasPrefix(bookmark) }.compactMap { Int($0.dropFirst(bookmark.count).prefix { $0.isNumber }) }
        // A bookmark's version covers every event sent before it, so a client can resume from it.
        #expect(!versions.isEmpty && versions.allSatisfy { $0 >= created }, "bookmarks \(versions) after version \(created)")
        #expect(!plain.output.contains("BOOKMARK"), "\(plain.output)")
    }

    @Test func aWatchFromAVersionTheServerForgotGetsExpired() throws {
        let cluster = try ClusterProcess(arguments: ["--watch-history", "5"])
        let old = try listVersion(cluster)
        try createConfigMaps(cluster, prefix: "churn", count: 10)
        let result = try CommandRunner.run(
            "/usr/bin/env",
            try cluster.adminCurlArguments() + [
                "-N", "--max-time", "30", "-w", "%{http_code}",
                "\(try cluster.serverURL())/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=\(old)",
            ], timeout: 60)
        // Upstream's answer: 200, then one ERROR event carrying a 410 Status, then the end of the stream.
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines.last == "200", "\(result.standardOutput)")
        let event = try JSONParser.parse(lines.first ?? "")
        #expect(event["type"]?.stringValue == "ERROR")
        #expect(event[path: ["object", "kind"]]?.stringValue == "Status")
        #expect(event[path: ["object", "code"]] == .int(410))
        #expect(event[path: ["object", "reason"]]?.stringValue == "Expired")
        #expect(event[path: ["object", "message"]]?.stringValue?.hasPrefix("too old resource version: \(old) (") == true, "\(event)")
        // A recent version still resumes.
        let recent = try listVersion(cluster)
        let resumed = try BackgroundCommand(
            "/usr/bin/env", try cluster.adminCurlArguments() + ["-N", "\(try cluster.serverURL())/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=\(recent)"])
        defer { resumed.stop() }
        try cluster.applyConfigMap("after", namespace: "default")
        #expect(resumed.waitForOutput { $0.contains(#""name":"after""#) }, "\(resumed.output)")
    }

    @Test func aContinueTokenOutlivingTheHistoryGetsExpiredWithOneThatGoesOn() throws {
        let cluster = try ClusterProcess(arguments: ["--watch-history", "5"])
        try createConfigMaps(cluster, prefix: "page", count: 4)
        let first = try get(cluster, "/api/v1/namespaces/default/configmaps?limit=2")
        #expect(first.status == "200")
        let token = try #require(first.body[path: ["metadata", "continue"]]?.stringValue, "\(first.body)")
        let listed = first.body[path: ["metadata", "resourceVersion"]]
        // Within the history, the next page continues the same list.
        let second = try get(cluster, "/api/v1/namespaces/default/configmaps?limit=2&continue=\(token)")
        #expect(second.status == "200" && second.body[path: ["metadata", "resourceVersion"]] == listed, "\(second.body)")

        // Sorted after the first page, so that the rest of the list shows them.
        try createConfigMaps(cluster, prefix: "zeta", count: 10)
        let expired = try get(cluster, "/api/v1/namespaces/default/configmaps?limit=2&continue=\(token)")
        #expect(expired.status == "410")
        #expect(expired.body["reason"]?.stringValue == "Expired" && expired.body["code"] == .int(410), "\(expired.body)")
        #expect(expired.body["message"]?.stringValue?.hasPrefix("The provided continue parameter is too old to display a consistent list result.") == true)
        // The token the 410 carries continues after the same object, at the current state.
        let goOn = try #require(expired.body[path: ["metadata", "continue"]]?.stringValue, "\(expired.body)")
        let rest = try get(cluster, "/api/v1/namespaces/default/configmaps?continue=\(goOn)")
        func names(_ list: JSONValue) -> [String] { list["items"]?.arrayValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } ?? [] }
        let lastOfFirstPage = try #require(names(first.body).last)
        let all = try cluster.kubectlOutput(["get", "configmaps", "-n", "default", "-o", "jsonpath={.items[*].metadata.name}"]).split(separator: " ").map(String.init)
        #expect(rest.status == "200" && names(rest.body) == all.filter { $0 > lastOfFirstPage } && names(rest.body).contains("zeta-9"), "\(names(rest.body))")
    }
}
