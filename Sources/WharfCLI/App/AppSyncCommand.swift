import AppController
import ArgumentParser
import Foundation
import KubeClient
import KubeModel
import Projects

/// `wharf app sync NAME`: requests a sync as `argocd app sync` does — the operation written on the
/// Application for the controller to carry out — and waits for its outcome. With a project role
/// token (`--auth-token` or `ARGOCD_AUTH_TOKEN`) the sync is allowed only when the role's policies
/// allow `applications, sync` on the Application, as the API server would decide.
struct AppSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync", abstract: "Sync an application to its target state.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The application name.")
    var name: String

    @Option(help: "Sync to this revision instead of the application's target revision.")
    var revision: String?

    @Flag(help: "Allow deleting resources that are no longer in Git.")
    var prune = false

    @Flag(name: .customLong("dry-run"), help: "Preview the sync without changing anything.")
    var dryRun = false

    @Flag(name: .customLong("async"), help: "Do not wait for the sync to finish.")
    var asynchronous = false

    @Option(help: "Seconds to wait for the sync to finish.")
    var timeout = 300

    @Option(name: .customLong("auth-token"), help: "A project role token to act as (default: $ARGOCD_AUTH_TOKEN).")
    var authToken: String?

    func run() async throws {
        try await reportingFailures {
            try await core.withClient { client in
                let applications = ArgoObjectStore(
                    client: client, namespace: core.namespace, resource: ArgoCRDs.applications, noun: "application",
                    listCommand: "kubectl get applications -n \(core.namespace)", check: { _ in })
                var operation: JSONValue = .null
                // The controller writes status all the time: a write that lost to one of its writes
                // (a conflict) is tried again on a fresh read, which is checked again.
                for attempt in 1...5 {
                    let application = try await applications.get(name)
                    let project = application[path: "spec", "project"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
                    var initiator = "wharf"
                    if let token = authToken ?? ProcessInfo.processInfo.environment["ARGOCD_AUTH_TOKEN"], !token.isEmpty {
                        initiator = try await authorize(token, client: client, project: project)
                    }
                    if application["operation"].map({ !$0.isNull }) ?? false || application[path: "status", "operationState", "phase"] == "Running" {
                        throw CommandFailure("another operation is already in progress on application \(name); wait for it or terminate it")
                    }
                    var sync: JSONValue = ["prune": .bool(prune)]
                    if let revision { sync["revision"] = .string(revision) }
                    if dryRun { sync["dryRun"] = true }
                    operation = ["sync": sync, "initiatedBy": ["username": .string(initiator)]]
                    // Conditional on the version read: an operation someone else requested meanwhile is not replaced.
                    let patch: JSONValue = ["operation": operation, "metadata": ["resourceVersion": application.resourceVersion.map(JSONValue.string) ?? .null]]
                    do {
                        _ = try await client.patch(ArgoCRDs.applications, namespace: core.namespace, name: name, type: .merge, patch)
                        break
                    } catch let error as KubeError {
                        guard error.category == .conflict else { throw error }
                        if attempt == 5 { throw CommandFailure("application \(name) kept changing while the sync was being requested; try again") }
                    }
                }
                if asynchronous {
                    print("Sync of application \(name) requested")
                    return
                }
                try await waitForOutcome(client, operation: operation)
            }
        }
    }

    /// The token's subject when its role may sync the application.
    private func authorize(_ token: String, client: KubeClient, project: String) async throws -> String {
        guard let key = try await ServerSigningKey.existing(client: client, namespace: core.namespace) else {
            throw CommandFailure("the auth token cannot be checked: no signing key (\(ServerSigningKey.dataKey) of Secret \(ServerSigningKey.secretName)) exists")
        }
        let projects = try await ArgoObjectStore.projects(client: client, namespace: core.namespace).list().map(AppProject.init(object:))
        do {
            let claims = try ProjectToken.authorize(
                token, key: key, resource: "applications", action: "sync", project: project, name: name) { wanted in projects.first { $0.name == wanted } }
            return ProjectRole.subject(project: claims.project, role: claims.role)
        } catch {
            throw CommandFailure(error.message)
        }
    }

    /// Waits until the controller has carried out `operation`, prints the outcome, and fails unless it succeeded.
    private func waitForOutcome(_ client: KubeClient, operation: JSONValue) async throws {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while ContinuousClock.now < deadline {
            let current = try await client.get(ArgoCRDs.applications, namespace: core.namespace, name: name)
            let state = current[path: "status", "operationState"]
            let phase = state?["phase"]?.stringValue ?? ""
            if current["operation"].map({ $0.isNull }) ?? true, state?["operation"]?["sync"] == operation["sync"],
                state?[path: ["operation", "initiatedBy"]] == operation["initiatedBy"], ["Succeeded", "Failed", "Error"].contains(phase)
            {
                let message = state?["message"]?.stringValue ?? ""
                print("Name:      \(name)\nOperation: Sync\nPhase:     \(phase)\nMessage:   \(message)")
                guard phase == "Succeeded" else { throw CommandFailure("Operation has completed with phase: \(phase): \(message)") }
                return
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw CommandFailure("application \(name): the sync did not finish within \(timeout)s (it goes on; see `kubectl get application \(name) -n \(core.namespace)`)")
    }
}
