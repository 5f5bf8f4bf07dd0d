import Foundation
import Testing

/// `wharf cluster start --http2` offers HTTP/2 and HTTP/1.1 through ALPN, as kube-apiserver does: clients
/// that speak HTTP/2 (kubectl, curl) use it, the others (the Python client) keep HTTP/1.1. Without the
/// flag, everyone gets HTTP/1.1.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil && CommandRunner.which("curl") != nil, "kubectl and curl are needed for the HTTP version tests"))
struct ClusterHTTPVersionTests {
    @Test func clientsGetHTTP2OrHTTP1AsTheyAsk() throws {
        let cluster = try ClusterProcess(arguments: ["--http2"])
        let url = "\(try cluster.serverURL())/api/v1/namespaces"
        for (option, version) in [("--http2", "2"), ("--http1.1", "1.1")] {
            let result = try CommandRunner.run(
                "/usr/bin/env", try cluster.adminCurlArguments() + [option, "-o", "/dev/null", "-w", "%{http_version} %{http_code}", url], timeout: 60)
            #expect(result.standardOutput == "\(version) 200", "\(option): \(result.standardOutput)\(result.standardError)")
        }
    }

    @Test func withoutTheFlagEveryoneGetsHTTP1() throws {
        let cluster = try ClusterProcess()
        let result = try CommandRunner.run(
            "/usr/bin/env",
            try cluster.adminCurlArguments() + ["--http2", "-o", "/dev/null", "-w", "%{http_version} %{http_code}", "\(try cluster.serverURL())/version"],
            timeout: 60)
        #expect(result.standardOutput == "1.1 200", "\(result.standardOutput)\(result.standardError)")
    }
}
