import ArgumentParser
import Foundation
import KubeModel

/// `wharf app sync NAME`: requests a sync as `argocd app sync` does — the operation written on the
/// Application for the controller to carry out — and waits for its outcome. The server checks the
/// caller's RBAC (a project role token may sync only what its role allows).
struct AppSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync", abstract: "Sync an application to its target state.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The application name.")
    var name: String

    @Option(help: "Sync to this revision instead of the application's target revision.")
    var revision: String?

    @Flag(help: "Allow deleting resources that are no longer in Git.")
    var prune = false

    @Flag(name: .customLong("dry-run"), help: "Preview the sync without changing anything.")
    var dryRun = false

    @Flag(help: "Use a force apply (replace resources that cannot be patched).")
    var force = false

    @Flag(name: .customLong("server-side"), help: "Use server-side apply.")
    var serverSide = false

    @Flag(name: .customLong("apply-out-of-sync-only"), help: "Apply only the resources that are out of sync.")
    var applyOutOfSyncOnly = false

    @Option(name: .customLong("resource"), help: "Sync only this resource, GROUP:KIND:NAME or GROUP:KIND:NAMESPACE/NAME (repeatable).")
    var resources: [String] = []

    @Flag(name: .customLong("async"), help: "Do not wait for the sync to finish.")
    var asynchronous = false

    @Option(help: "Seconds to wait for the sync to finish.")
    var timeout = 300

    @Option(name: .customLong("local"), help: "Sync what this local directory renders instead of Git (the application's directory; automation must be off).")
    var local: String?

    @Option(name: .customLong("local-repo-root"), help: "With --local: the repository root the application's path is inside (default: the --local directory itself).")
    var localRepoRoot: String?

    func validate() throws {
        for resource in resources where resource.split(separator: ":", omittingEmptySubsequences: false).count != 3 {
            throw ValidationError("--resource \(resource) is not GROUP:KIND:NAME (use an empty group for core kinds, e.g. :Service:web)")
        }
        if localRepoRoot != nil && local == nil { throw ValidationError("--local-repo-root needs --local") }
        if local != nil && (revision != nil) { throw ValidationError("--local and --revision cannot be combined: local files have no revision") }
    }

    func run() async throws {
        try await reportingFailures {
            var request: JSONValue = ["prune": .bool(prune), "dryRun": .bool(dryRun)]
            if let revision { request["revision"] = .string(revision) }
            if force || serverSide {
                request["strategy"] = ["apply": ["force": .bool(force)]]
            }
            var options: [JSONValue] = []
            if serverSide { options.append("ServerSideApply=true") }
            if applyOutOfSyncOnly { options.append("ApplyOutOfSyncOnly=true") }
            if !options.isEmpty { request["syncOptions"] = ["items": .array(options)] }
            if !resources.isEmpty {
                request["resources"] = .array(resources.map { text in
                    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                    let scoped = parts[2].split(separator: "/", maxSplits: 1).map(String.init)
                    var resource: JSONValue = ["group": .string(parts[0]), "kind": .string(parts[1]), "name": .string(scoped.last ?? "")]
                    if scoped.count == 2 { resource["namespace"] = .string(scoped[0]) }
                    return resource
                })
            }
            let body = request
            let path = APIConnection.path("/api/v1/applications", name) + "/sync"
            let localSource = local.map { LocalSource(directory: $0, repositoryRoot: localRepoRoot) }
            try await server.withAPI { [name, asynchronous, timeout] api in
                var body = body
                if let localSource {
                    let current = try await api.call(.GET, APIConnection.path("/api/v1/applications", name))
                    body["manifests"] = .array(try await localSource.render(current).map { .string(JSONWriter.string($0)) })
                }
                let application = try await api.call(.POST, path, body: body)
                if asynchronous {
                    print("Sync of application \(name) requested")
                    return
                }
                try await OperationWaiter.wait(api, name: name, requested: application["operation"] ?? .null, timeout: timeout)
            }
        }
    }
}
