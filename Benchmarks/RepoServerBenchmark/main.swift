import Foundation
import ProcessRunner
import RepoServer

/// 10,000 directory applications (one ConfigMap each) in one monorepo: the cold generation of all
/// of them, then the incremental cost of a commit that touches one path, with memory.
///
/// Usage: RepoServerBenchmark [APPS]
let appCount = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 10_000
let root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-repo-bench-\(UUID().uuidString)")
let repository = root.appendingPathComponent("monorepo")
defer { try? FileManager.default.removeItem(at: root) }

func git(_ arguments: String...) async throws {
    let result = try await ChildProcess("git", arguments: arguments, directory: repository, timeout: .seconds(600)).run()
    guard result.status == 0 else { fatalError("git \(arguments.joined(separator: " ")): \(result.errorText)") }
}

func residentMiB() -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes / 1024
}

func path(_ index: Int) -> String { String(format: "apps/app-%05d", index) }

func configMap(_ index: Int, _ version: Int) -> String {
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-\(index)\n  labels:\n    app: app-\(index)\ndata:\n  version: \"\(version)\"\n"
}

try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
for index in 0..<appCount {
    let directory = repository.appendingPathComponent(path(index))
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try configMap(index, 1).write(to: directory.appendingPathComponent("configmap.yaml"), atomically: false, encoding: .utf8)
}
try await git("init", "--quiet", "--initial-branch=main")
try await git("add", "-A")
try await git("-c", "user.email=bench@example.com", "-c", "user.name=Bench", "commit", "--quiet", "-m", "apps")

let service = try RepoService(configuration: RepoServerConfiguration(cacheDirectory: root.appendingPathComponent("cache")))
let url = "file://\(repository.path)"

/// Generates every application with up to 256 requests in flight, as a controller refreshing them would.
func generateAll() async throws -> (seconds: Double, origins: [ManifestResponse.Origin: Int]) {
    let start = ContinuousClock.now
    var origins: [ManifestResponse.Origin: Int] = [:]
    try await withThrowingTaskGroup(of: ManifestResponse.Origin.self) { group in
        var next = 0
        func add() {
            let index = next
            next += 1
            group.addTask {
                try await service.generate(ManifestRequest(source: ApplicationSource(repoURL: url, path: path(index), targetRevision: "main"), appName: "app-\(index)")).origin
            }
        }
        while next < min(256, appCount) { add() }
        for try await origin in group {
            origins[origin, default: 0] += 1
            if next < appCount { add() }
        }
    }
    let elapsed = (ContinuousClock.now - start).components
    return (Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18, origins)
}

func describe(_ origins: [ManifestResponse.Origin: Int]) -> String {
    origins.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
}

print("applications: \(appCount) directory apps, one ConfigMap each, in one repository")
let cold = try await generateAll()
print(String(format: "cold generation:   %.2f s (%.0f apps/s; %@); git fetches %d, ls-remotes %d", cold.seconds, Double(appCount) / cold.seconds,
    describe(cold.origins), service.metrics.gitRequests(type: "fetch"), service.metrics.gitRequests(type: "ls-remote")))
print(String(format: "peak RSS after cold generation: %.1f MiB", residentMiB()))

let warm = try await generateAll()
print(String(format: "unchanged refresh: %.2f s (%.0f apps/s; %@)", warm.seconds, Double(appCount) / warm.seconds, describe(warm.origins)))

try configMap(7, 2).write(to: repository.appendingPathComponent(path(7)).appendingPathComponent("configmap.yaml"), atomically: false, encoding: .utf8)
try await git("-c", "user.email=bench@example.com", "-c", "user.name=Bench", "commit", "--quiet", "-am", "one app")
await service.forgetRevisions(of: url)
let generationsBefore = service.metrics.generations
let fetchesBefore = service.metrics.gitRequests(type: "fetch")
let changedStart = ContinuousClock.now
_ = try await service.generate(ManifestRequest(source: ApplicationSource(repoURL: url, path: path(7), targetRevision: "main"), appName: "app-7"))
let changedElapsed = ContinuousClock.now - changedStart
let incremental = try await generateAll()
print("  the changed application alone (fetch, checkout, render): \(changedElapsed)")
print(String(format: "one-path commit:   %.2f s for the other apps (%@); generations +%d, fetches +%d", incremental.seconds, describe(incremental.origins),
    service.metrics.generations - generationsBefore, service.metrics.gitRequests(type: "fetch") - fetchesBefore))
print(String(format: "peak RSS: %.1f MiB", residentMiB()))
