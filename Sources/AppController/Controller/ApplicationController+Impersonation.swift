import KubeClient
import Projects

extension ApplicationController {
    /// The client a sync to `target` applies with: the cluster's own, or — when
    /// `application.sync.impersonation.enabled` is on — one that impersonates the project's service
    /// account for the destination (upstream refuses the sync when the project names none).
    func syncClient(for target: DeploymentTarget) async -> Result<KubeClient, DestinationError> {
        guard await settings().impersonation else { return .success(target.connection.client) }
        guard let account = target.project.impersonatedServiceAccount(for: target.destination) else {
            return .failure(DestinationError(
                "no matching service account found for destination server \(target.connection.server) and namespace \(target.namespace); add one to the project's destinationServiceAccounts"))
        }
        let key = "\(target.connection.server)\n\(account)"
        if let existing = impersonatingClients[key] { return .success(existing) }
        var configuration = target.connection.client.configuration
        configuration.user.impersonate = account
        do {
            let client = try KubeClient(configuration: configuration)
            impersonatingClients[key] = client
            return .success(client)
        } catch {
            return .failure(DestinationError("cannot impersonate \(account) on \(target.connection.server): \(error.message)"))
        }
    }

    /// Closes the impersonating clients (the controller is stopping).
    func shutDownImpersonatingClients() async {
        let clients = impersonatingClients.values
        impersonatingClients = [:]
        for client in clients { await client.shutdown() }
    }
}
