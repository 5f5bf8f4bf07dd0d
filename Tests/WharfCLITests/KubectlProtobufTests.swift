import Foundation
import KubeModel
import Testing

/// kubectl's typed commands send Kubernetes protobuf and never fall back to JSON: every one of them
/// must create the object it prints with `--dry-run=client -o json`.
@Suite(.mayBlock, .enabled(if: CommandRunner.which("kubectl") != nil, "kubectl is not installed, so the kubectl protobuf suite cannot run"))
struct KubectlProtobufTests {
    /// A typed command, and the object it creates.
    struct Case: CustomStringConvertible {
        var arguments: [String]
        var resource: String
        var name: String
        var namespaced = true
        var description: String { arguments.joined(separator: " ") }

        /// The command with `flags` added before the container command that follows `--`.
        func arguments(adding flags: [String]) -> [String] {
            guard let separator = arguments.firstIndex(of: "--") else { return arguments + flags }
            return Array(arguments[..<separator]) + flags + Array(arguments[separator...])
        }
    }

    static let namespace = "proto"

    /// In dependency order: `expose` reads the deployment created before it.
    static let cases: [Case] = [
        Case(arguments: ["create", "configmap", "settings", "--from-literal=greeting=hello", "--from-literal=empty="], resource: "configmap", name: "settings"),
        Case(arguments: ["create", "secret", "generic", "credentials", "--from-literal=password=s3cret"], resource: "secret", name: "credentials"),
        Case(arguments: ["create", "deployment", "web", "--image=nginx:1.27", "--replicas=2", "--port=8080"], resource: "deployment", name: "web"),
        Case(arguments: ["create", "deployment", "idle", "--image=nginx:1.27", "--replicas=0"], resource: "deployment", name: "idle"),
        Case(arguments: ["create", "service", "clusterip", "web-svc", "--tcp=5678:8080"], resource: "service", name: "web-svc"),
        Case(arguments: ["create", "job", "once", "--image=busybox", "--", "echo", "hi"], resource: "job", name: "once"),
        Case(arguments: ["create", "cronjob", "nightly", "--image=busybox", "--schedule=*/5 * * * *", "--", "date"], resource: "cronjob", name: "nightly"),
        Case(arguments: ["create", "role", "reader", "--verb=get,list", "--resource=pods,deployments.apps"], resource: "role", name: "reader"),
        Case(arguments: ["create", "rolebinding", "reader-binding", "--role=reader", "--serviceaccount=proto:builder", "--user=alice"], resource: "rolebinding", name: "reader-binding"),
        Case(arguments: ["create", "serviceaccount", "builder"], resource: "serviceaccount", name: "builder"),
        Case(arguments: ["create", "quota", "limits", "--hard=pods=10,requests.cpu=500m,requests.memory=1Gi"], resource: "resourcequota", name: "limits"),
        Case(arguments: ["create", "priorityclass", "background", "--value=0", "--description=batch work"], resource: "priorityclass", name: "background", namespaced: false),
        Case(arguments: ["create", "poddisruptionbudget", "web-pdb", "--selector=app=web", "--min-available=50%"], resource: "poddisruptionbudget", name: "web-pdb"),
        Case(arguments: ["create", "ingress", "web-ing", "--rule=example.com/*=web-svc:5678", "--annotation=team=shop"], resource: "ingress", name: "web-ing"),
        Case(arguments: ["run", "tool", "--image=busybox", "--labels=app=tool", "--env=MODE=debug", "--", "sleep", "3600"], resource: "pod", name: "tool"),
        Case(arguments: ["expose", "deployment", "web", "--name=web-exposed", "--port=80", "--target-port=8080"], resource: "service", name: "web-exposed"),
    ]

    @Test func typedCreateCommandsStoreWhatTheClientPrints() throws {
        let cluster = try ClusterProcess()
        let namespaceExpected = try JSONParser.parse(try cluster.kubectlOutput(["create", "namespace", Self.namespace, "--dry-run=client", "-o", "json"]))
        try cluster.kubectlOutput(["create", "namespace", Self.namespace])
        let namespaceStored = try JSONParser.parse(try cluster.kubectlOutput(["get", "namespace", Self.namespace, "-o", "json"]))
        #expect(Self.differences(expected: namespaceExpected, stored: namespaceStored) == [], "create namespace")

        for testCase in Self.cases {
            let scoped = testCase.namespaced ? ["-n", Self.namespace] : []
            let expected = try JSONParser.parse(try cluster.kubectlOutput(testCase.arguments(adding: scoped + ["--dry-run=client", "-o", "json"])))
            try cluster.kubectlOutput(testCase.arguments(adding: scoped))
            let stored = try JSONParser.parse(try cluster.kubectlOutput(["get", testCase.resource, testCase.name, "-o", "json"] + scoped))
            #expect(Self.differences(expected: expected, stored: stored) == [], "\(testCase)")
        }
    }

    /// Members the server sets on its own, and `status`, which a client never sends.
    static let serverOwned: Set<String> = [
        "status", "metadata.creationTimestamp", "metadata.uid", "metadata.resourceVersion", "metadata.generation",
        "metadata.managedFields",
    ]

    /// Zero values the API server defaults (Job and CronJob `spec.suspend`), which are not decoding leaks.
    static let serverDefaultedZeros: Set<String> = ["spec.suspend"]

    /// How `stored` falls short of `expected`: every member the client printed must be stored with the
    /// same value, and the stored object must not gain zero values the client did not send (what
    /// decoding protobuf's always-written scalars wrongly would do). Other extra members are server
    /// defaults and allowed.
    static func differences(expected: JSONValue, stored: JSONValue, path: String = "") -> [String] {
        switch (expected, stored) {
        case (.object(let wanted), .object(let actual)):
            var found: [String] = []
            for (key, value) in wanted {
                let member = path.isEmpty ? key : "\(path).\(key)"
                if serverOwned.contains(member) { continue }
                guard let storedValue = actual[key] else {
                    found.append("\(member) is missing (expected \(value))")
                    continue
                }
                found += differences(expected: value, stored: storedValue, path: member)
            }
            for (key, value) in actual where wanted[key] == nil && isZero(value) {
                let member = path.isEmpty ? key : "\(path).\(key)"
                if !serverOwned.contains(member) && !serverDefaultedZeros.contains(member) { found.append("\(member) is \(value) but the client did not send it") }
            }
            return found
        case (.array(let wanted), .array(let actual)) where wanted.count == actual.count:
            return zip(wanted, actual).enumerated().flatMap { index, pair in
                differences(expected: pair.0, stored: pair.1, path: "\(path)[\(index)]")
            }
        default:
            return expected == stored ? [] : ["\(path) is \(stored), expected \(expected)"]
        }
    }

    private static func isZero(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): text.isEmpty
        case .bool(let flag): !flag
        case .number(let number): number.doubleValue == 0
        case .null: true
        case .array, .object: false
        }
    }
}
