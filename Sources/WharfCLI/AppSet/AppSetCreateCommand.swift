import AppController
import ApplicationSets
import ArgumentParser
import Foundation
import KubeClient
import KubeModel
import RepoServer

/// `wharf appset create`: creates the ApplicationSets of a manifest file, or with `--dry-run` shows
/// the Applications they would generate without writing anything.
struct AppSetCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create one or more ApplicationSets.",
        discussion: """
            Examples:
              wharf appset create appset.yaml
              wharf appset create -f appset.yaml --dry-run
            """
    )

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The manifest file of the ApplicationSets ('-' for standard input).")
    var fileArgument: String?

    @Option(name: [.customShort("f"), .customLong("file")], help: "The manifest file, instead of the argument.")
    var fileOption: String?

    @Flag(help: "Replace an existing ApplicationSet of the same name even if its spec differs.")
    var upsert = false

    @Flag(name: .customLong("dry-run"), help: "Show the Applications each ApplicationSet would generate; write nothing.")
    var dryRun = false

    @Option(name: [.customShort("o"), .customLong("output")], help: "With --dry-run: wide (a table), name, json or yaml (the Applications).")
    var output: ObjectOutput = .wide

    @Option(name: .customLong("cache-dir"), help: "Where Git generators cache repositories for --dry-run (default: ~/.wharf/repo-server).")
    var cacheDirectory: String?

    func validate() throws {
        if (fileArgument == nil) == (fileOption == nil) { throw ValidationError("give the manifest file once, as FILE or with -f FILE") }
    }

    func run() async throws {
        try await reportingFailures {
            let path = fileArgument ?? fileOption ?? "-"
            let source = InputFile.displayName(path)
            let applicationSets = try ManifestReader.readObjects(try InputFile.read(path), source: source).filter { $0.kind == "ApplicationSet" }
            guard !applicationSets.isEmpty else { throw CommandFailure("\(source): no ApplicationSets found") }
            if let unnamed = applicationSets.firstIndex(where: { $0.name.isEmpty }) {
                throw CommandFailure("\(source): ApplicationSet \(unnamed + 1) has no metadata.name; name it")
            }
            try await core.withClient { client in
                if dryRun {
                    try await preview(applicationSets, client: client)
                    return
                }
                let store = ArgoObjectStore.applicationSets(client: client, namespace: core.namespace)
                for var applicationSet in applicationSets {
                    applicationSet[path: "metadata", "namespace"] = .string(core.namespace)
                    let outcome = try await store.create(applicationSet, upsert: upsert)
                    print("ApplicationSet '\(applicationSet.name)' \(outcome)")
                }
            }
        }
    }

    /// Prints the Applications `applicationSets` would generate, rendered as the controller renders them.
    private func preview(_ applicationSets: [KubeObject], client: KubeClient) async throws {
        let clusterSecrets = try await client.listAll(
            GroupVersionResource(group: "", version: "v1", resource: "secrets"), namespace: core.namespace,
            options: ListOptions(labelSelector: "\(WellKnownLabels.secretType)=cluster")
        ).items
        let cache = cacheDirectory.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".wharf/repo-server")
        let renderer = ApplicationSetRenderer(clusterSecrets: clusterSecrets, git: try RepoService(configuration: RepoServerConfiguration(cacheDirectory: cache)))
        var applications: [KubeObject] = []
        for var applicationSet in applicationSets {
            applicationSet[path: "metadata", "namespace"] = .string(core.namespace)
            do {
                applications += try await renderer.applications(for: applicationSet)
            } catch {
                throw CommandFailure("ApplicationSet \(applicationSet.name): \(error)")
            }
        }
        if let rendered = output.render(list: applications.map(\.content)) {
            print(rendered, terminator: "")
        } else if output == .name {
            for application in applications { print(application.name) }
        } else {
            var table = TextTable(["NAME", "PROJECT", "DESTINATION", "REPO", "PATH", "TARGET"])
            for application in applications {
                let spec = application["spec"] ?? .emptyObject
                let source = AppSetView.primarySource(spec)
                let destination = spec["destination"] ?? .emptyObject
                let cluster = destination["server"]?.stringValue ?? destination["name"]?.stringValue ?? ""
                table.append([
                    application.name, spec["project"]?.stringValue ?? "", "\(cluster),\(destination["namespace"]?.stringValue ?? "")",
                    source["repoURL"]?.stringValue ?? "", source["path"]?.stringValue ?? "", source["targetRevision"]?.stringValue ?? "",
                ])
            }
            print(table.text, terminator: "")
        }
    }
}
