import Foundation
import Testing

/// `wharf cluster start --fault`: injected errors and latency, seen through the real kubectl (and curl
/// for the raw response). Behaviour only: timings are never asserted, as CI machines vary.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil, "kubectl is not installed, so the fault injection tests cannot run"))
struct ClusterFaultInjectionTests {
    static let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flaky\n  namespace: default\ndata:\n  a: \"1\"\n"

    @Test func failedCreatesReportTheInjectedErrorAndStoreNothing() throws {
        let cluster = try ClusterProcess(arguments: ["--fault", "verb=create,resource=configmaps,error-rate=1"])
        let apply = try cluster.kubectl(["apply", "-f", "-"], input: Self.configMap)
        #expect(apply.exitCode != 0)
        #expect(apply.standardError.contains("InternalError"), "\(apply.standardError)")
        #expect(apply.standardError.contains("fault injected for create configmaps"), "\(apply.standardError)")

        let get = try cluster.kubectl(["get", "configmap", "flaky", "-n", "default"])
        #expect(get.exitCode != 0)
        #expect(get.standardError.contains("NotFound"), "\(get.standardError)")
        // Reads of the faulted resource, and writes of other resources, are untouched.
        _ = try cluster.kubectlOutput(["get", "configmaps", "-n", "default"])
        let secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: fine\n  namespace: default\nstringData:\n  a: b\n"
        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: secret)
        #expect(try cluster.kubectlOutput(["get", "secret", "fine", "-n", "default", "-o", "name"]) == "secret/fine\n")
    }

    @Test func throttlingAnswersTooManyRequestsWithRetryAfter() throws {
        let cluster = try ClusterProcess(arguments: ["--fault", "verb=create,resource=configmaps,error-rate=1,code=429,retry-after=3"])
        // curl, not kubectl: client-go retries responses carrying Retry-After, and the raw answer is the point here.
        let response = try CommandRunner.run("/usr/bin/env", try cluster.adminCurlArguments() + [
            "-i", "-X", "POST", "--data", #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"flaky"}}"#,
            "\(try cluster.serverURL())/api/v1/namespaces/default/configmaps",
        ])
        let output = response.standardOutput
        #expect(output.hasPrefix("HTTP/1.1 429"), "\(output)")
        #expect(output.lowercased().contains("retry-after: 3"), "\(output)")
        #expect(output.contains(#""reason":"TooManyRequests""#), "\(output)")
        #expect(output.contains(#""retryAfterSeconds":3"#), "\(output)")
        #expect(try cluster.kubectl(["get", "configmap", "flaky", "-n", "default"]).exitCode != 0)
    }

    @Test func latencyDelaysButServesEveryRequest() throws {
        let cluster = try ClusterProcess(arguments: ["--fault", "verb=*,resource=*,latency=0.2,jitter=0.05"])
        _ = try cluster.kubectlOutput(["apply", "-f", "-"], input: Self.configMap)
        #expect(try cluster.kubectlOutput(["get", "configmap", "flaky", "-n", "default", "-o", "jsonpath={.data.a}"]) == "1")
        _ = try cluster.kubectlOutput(["delete", "configmap", "flaky", "-n", "default"])
    }

    @Test func badSpecsNameTheBadKey() throws {
        // A spec wrongly accepted would start a cluster: keep it in a scratch directory and bounded in time.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-fault-spec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (spec, named) in [
            ("verb=create,colour=red", "colour"), ("verb=fetch", "verb"), ("error-rate=2", "error-rate"), ("code=418", "code"),
            ("latency=-1", "latency"), ("resource", "resource"),
        ] {
            let result = try CommandRunner.run(
                CommandRunner.wharfPath, ["cluster", "start", "--data-dir", directory.path, "--port", "0", "--fault", spec], timeout: 30)
            #expect(result.exitCode != 0, "\(spec)")
            let firstLine = result.standardError.split(separator: "\n").first.map(String.init) ?? ""
            #expect(firstLine.contains(named), "\(spec): \(result.standardError)")
        }
    }
}
