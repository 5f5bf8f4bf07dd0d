// Parse + normalise + diff 10,000 Deployment-sized objects and print throughput and peak memory.
// Run with: swift run -c release KubeModelBenchmark [count]
import Foundation
import KubeDiff
import KubeModel

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10_000

func desiredYAML(_ index: Int) -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: app-\(index)
      namespace: team-\(index % 50)
      labels: {app: app-\(index), tier: backend}
      annotations: {argocd.argoproj.io/sync-wave: "\(index % 5)"}
    spec:
      replicas: \(index % 7 + 1)
      selector:
        matchLabels: {app: app-\(index)}
      template:
        metadata:
          labels: {app: app-\(index)}
        spec:
          containers:
          - name: app
            image: registry.example.com/app:\(index % 13).0.\(index % 3)
            args: ["--port=8080", "--log-level=info"]
            ports: [{containerPort: 8080, name: http}]
            env:
            - {name: MODE, value: production}
            - {name: SHARD, value: "\(index % 16)"}
            resources:
              requests: {cpu: 100m, memory: 128Mi}
              limits: {memory: 256Mi}
            readinessProbe:
              httpGet: {path: /healthz, port: 8080}
          - name: proxy
            image: envoyproxy/envoy:v1.31.0
            ports: [{containerPort: 9901}]
          volumes:
          - name: config
            configMap: {name: app-\(index)-config}
    """
}

/// The live form: what the API server returns, with defaults, bookkeeping and status; every tenth
/// object has drifted (a different image) so the diff has something to find.
func liveJSON(_ desired: JSONValue, index: Int) -> String {
    var live = desired
    live[path: ["metadata", "uid"]] = .string("uid-\(index)")
    live[path: ["metadata", "resourceVersion"]] = .string("\(100_000 + index)")
    live[path: ["metadata", "generation"]] = 2
    live[path: ["metadata", "creationTimestamp"]] = "2026-11-01T00:00:00Z"
    live[path: ["metadata", "managedFields"]] = [["manager": "kubectl-client-side-apply", "operation": "Update"]]
    live[path: ["spec", "revisionHistoryLimit"]] = 10
    live[path: ["spec", "progressDeadlineSeconds"]] = 600
    live[path: ["spec", "strategy"]] = ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": "25%", "maxUnavailable": "25%"]]
    if var containers = live[path: ["spec", "template", "spec", "containers"]]?.arrayValue {
        for position in containers.indices {
            containers[position]["imagePullPolicy"] = "IfNotPresent"
            containers[position]["terminationMessagePath"] = "/dev/termination-log"
        }
        if index % 10 == 0 { containers[0]["image"] = "registry.example.com/app:old" }
        live[path: ["spec", "template", "spec", "containers"]] = .array(containers)
    }
    live["status"] = ["replicas": 1, "readyReplicas": 1, "observedGeneration": 2]
    return JSONWriter.string(live)
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
}

func measure(_ label: String, _ body: () throws -> Int) rethrows {
    let start = ContinuousClock.now
    let processed = try body()
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rate = Double(processed) / seconds
    let paddedLabel = label.padding(toLength: 34, withPad: " ", startingAt: 0)
    print(paddedLabel + String(format: " %8d objects  %7.3f s  %10.0f objects/s", processed, seconds, rate))
}

print("KubeModelBenchmark: \(count) Deployment-sized objects")
let desiredTexts = (0..<count).map(desiredYAML)
let sampleDesired = try YAMLReader.read(desiredTexts[0])
print("object size: \(JSONWriter.string(sampleDesired).utf8.count) bytes of JSON, \(desiredTexts[0].utf8.count) bytes of YAML")

var desiredObjects: [JSONValue] = []
desiredObjects.reserveCapacity(count)
try measure("parse YAML (desired)") {
    for text in desiredTexts { desiredObjects.append(try YAMLReader.read(text)) }
    return desiredObjects.count
}
let liveTexts = desiredObjects.enumerated().map { liveJSON($1, index: $0) }
var liveObjects: [JSONValue] = []
liveObjects.reserveCapacity(count)
try measure("parse JSON (live)") {
    for text in liveTexts { liveObjects.append(try JSONParser.parse(text)) }
    return liveObjects.count
}
let normalizer = ServerFieldsNormalizer()
measure("normalise (live)") {
    for object in liveObjects {
        var copy = object
        normalizer.normalize(&copy)
    }
    return liveObjects.count
}
var modified = 0
try measure("diff (three-way, predicted live)") {
    for (desired, live) in zip(desiredObjects, liveObjects) where try Differ.diff(desired: desired, live: live).modified {
        modified += 1
    }
    return desiredObjects.count
}
try measure("end to end: parse + normalise + diff") {
    var changed = 0
    for index in 0..<count {
        let desired = try YAMLReader.read(desiredTexts[index])
        let live = try JSONParser.parse(liveTexts[index])
        if try Differ.diff(desired: desired, live: live).modified { changed += 1 }
    }
    precondition(changed == modified)
    return count
}
print("modified objects found: \(modified) (expected \((count + 9) / 10))")
print(String(format: "peak RSS: %.1f MiB", peakResidentMegabytes()))
