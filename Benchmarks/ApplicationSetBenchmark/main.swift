// The ApplicationSet controller at scale, on the embedded cluster (in this process): one
// ApplicationSet with a Git directories generator over N directories of one repository (1,000 by
// default). Measures the time from creating it to N Applications, then a directory added (and the
// ApplicationSet refreshed, as a webhook asks), then a template change that touches every
// Application; and the pure generation cost.
// Run with: swift build -c release --product ApplicationSetBenchmark && .build/release/ApplicationSetBenchmark [directories]
import AppController
import ApplicationSets
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import ProcessRunner
import RepoServer

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000
let root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-appset-bench-\(UUID().uuidString)")
let repository = root.appendingPathComponent("repo")
let applications = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "applications")
defer { try? FileManager.default.removeItem(at: root) }

func git(_ arguments: String...) async throws {
    let result = try await ChildProcess("git", arguments: arguments, directory: repository, timeout: .seconds(600)).run()
    guard result.status == 0 else { fatalError("git \(arguments.joined(separator: " ")): \(result.errorText)") }
}

func addDirectory(_ index: Int) throws {
    let directory = repository.appendingPathComponent(String(format: "env/app-%05d", index))
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n".write(to: directory.appendingPathComponent("cm.yaml"), atomically: false, encoding: .utf8)
}

func applicationSet(label: String) -> KubeObject {
    var object = KubeObject(apiVersion: "argoproj.io/v1alpha1", kind: "ApplicationSet", name: "envs", namespace: "argocd")
    object["spec"] = [
        "generators": [["git": ["repoURL": .string("file://\(repository.path)"), "revision": "main", "directories": [["path": "env/*"]]]]],
        "template": [
            "metadata": ["name": "{{path.basename}}", "labels": ["tier": .string(label)]],
            "spec": [
                "project": "default",
                "source": ["repoURL": .string("file://\(repository.path)"), "path": "{{path}}", "targetRevision": "main"],
                "destination": ["server": "https://kubernetes.default.svc", "namespace": "{{path.basename}}"],
            ],
        ],
    ]
    return object
}

func seconds(_ duration: Duration) -> String {
    String(format: "%.2f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
}

/// Waits (benchmark-side) until the Applications satisfy `condition`, returning the time taken.
func measure(_ what: String, client: KubeClient, since start: ContinuousClock.Instant, _ condition: @Sendable ([KubeObject]) -> Bool) async throws {
    while true {
        let items = try await client.listAll(applications, namespace: "argocd").items
        if condition(items) { break }
        try await Task.sleep(for: .milliseconds(100))
    }
    print("\(what): \(seconds(ContinuousClock.now - start))")
}

try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
try await git("init", "-q", "-b", "main")
for index in 0..<count { try addDirectory(index) }
try await git("add", "-A")
try await git("-c", "user.email=b@example.com", "-c", "user.name=B", "commit", "-qm", "dirs")
print("ApplicationSet benchmark: \(count) directories, git directories generator, embedded cluster in process")

try await RunningCluster.with { cluster in
    let client = try cluster.client {
        $0.queriesPerSecond = .infinity
        $0.burst = .max
    }
    _ = try await client.create(KubeObject(apiVersion: "v1", kind: "Namespace", name: "argocd"))
    try await CRDInstaller().install(using: client)
    let repo = try RepoService(configuration: RepoServerConfiguration(cacheDirectory: root.appendingPathComponent("cache")))

    let renderStart = ContinuousClock.now
    let rendered = try await ApplicationSetRenderer(git: repo).applications(for: applicationSet(label: "a"))
    print("generate and render \(rendered.count) Applications (no writes): \(seconds(ContinuousClock.now - renderStart))")

    let controller = ApplicationSetController(namespace: "argocd", client: client, repo: repo)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await controller.run() }
        let created = ContinuousClock.now
        _ = try await client.create(applicationSet(label: "a"))
        try await measure("\(count) Applications created", client: client, since: created) { $0.count == count }

        try addDirectory(count)
        try await git("add", "-A")
        try await git("-c", "user.email=b@example.com", "-c", "user.name=B", "commit", "-qm", "one more")
        let added = ContinuousClock.now
        await repo.forgetRevisions()
        await controller.refresh(name: "envs")
        try await measure("one directory added, Application created", client: client, since: added) { $0.count == count + 1 }

        let changed = ContinuousClock.now
        _ = try await client.patch(
            GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "applicationsets"), namespace: "argocd", name: "envs", type: .merge,
            ["spec": ["template": ["metadata": ["labels": ["tier": "b"]]]]])
        try await measure("template changed, all \(count + 1) Applications updated", client: client, since: changed) { items in
            items.count == count + 1 && items.allSatisfy { $0.labels["tier"] == "b" }
        }
        group.cancelAll()
    }
}
