import KubeModel
import Projects

/// Where an application deploys and under which rules: its destination cluster and its project.
struct DeploymentTarget: Sendable {
    /// The destination cluster.
    let connection: ClusterConnection
    /// The application's project.
    let project: AppProject
    /// The destination namespace.
    let namespace: String

    /// The destination as project rules see it: both the cluster's URL and its name.
    var destination: ProjectDestination {
        ProjectDestination(server: connection.server, name: connection.name, namespace: namespace)
    }

    /// Why the project or the cluster refuses `object`, if they do, in upstream's words.
    func refusal(of object: KubeObject) -> String? {
        let namespace = object.namespace ?? ""
        let group = object.groupVersionKind.group
        if !project.permitsKind(group: group, kind: object.kind, namespaced: !namespace.isEmpty) {
            return "resource \(group):\(object.kind) is not permitted in project \(project.name)"
        }
        if !namespace.isEmpty {
            let destination = ProjectDestination(server: connection.server, name: connection.name, namespace: namespace)
            if !project.permitsDestination(destination) { return "namespace \(namespace) is not permitted in project '\(project.name)'" }
        }
        return connection.refusal(namespace: namespace, kind: object.kind)
    }
}
