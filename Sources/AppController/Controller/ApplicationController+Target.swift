import KubeClient
import KubeModel
import Projects
import RepoServer

extension ApplicationController {
    /// The project `name` as the controller enforces it, read again only when it changed.
    func project(_ name: String) async -> AppProject? {
        guard let object = await projectInformer.get(namespace: configuration.namespace, name: name) else { return nil }
        let version = object.resourceVersion ?? ""
        if let cached = parsedProjects[name], cached.version == version { return cached.project }
        let project = AppProject(object: object)
        parsedProjects[name] = (version, project)
        return project
    }

    /// Where `application` deploys, once its project allows its namespace, sources and destination
    /// and the destination cluster is configured and reachable; otherwise why not, in upstream's
    /// words where upstream has them.
    func deploymentTarget(of application: ApplicationView) async -> Result<DeploymentTarget, DestinationError> {
        let projectName = application.project.isEmpty ? "default" : application.project
        guard let project = await project(projectName) else {
            return .failure(DestinationError("Application referencing project \(projectName) which does not exist"))
        }
        if !project.permitsApplicationNamespace(application.namespace, controlNamespace: configuration.namespace) {
            return .failure(DestinationError("application \(application.name) in namespace \(application.namespace) is not permitted to use project \(projectName); add the namespace to the project's sourceNamespaces"))
        }
        if application.destinationServer == nil && application.destinationName == nil {
            return .failure(DestinationError("Destination server missing from app spec"))
        }
        for source in (try? application.sources()) ?? [] where !project.permitsSource(source.repoURL) {
            return .failure(DestinationError("application repo \(source.repoURL) is not permitted in project '\(projectName)'"))
        }
        let settings = await settings()
        let connection: ClusterConnection
        switch await clusters.connection(server: application.destinationServer, name: application.destinationName, inClusterEnabled: settings.inClusterEnabled) {
        case .success(let found): connection = found
        case .failure(let problem): return .failure(problem)
        }
        let target = DeploymentTarget(connection: connection, project: project, namespace: application.destinationNamespace)
        if !project.permitsDestination(target.destination) {
            return .failure(DestinationError(
                "application destination server '\(connection.server)' and namespace '\(application.destinationNamespace)' do not match any of the allowed destinations in project '\(projectName)'"))
        }
        return .success(target)
    }
}
