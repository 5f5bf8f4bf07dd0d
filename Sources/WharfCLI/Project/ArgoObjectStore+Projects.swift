import AppController
import KubeClient
import Projects

extension ArgoObjectStore {
    /// The AppProjects of `namespace`, refusing a spec the controllers could not enforce (such as a
    /// sync window with a bad schedule).
    static func projects(client: KubeClient, namespace: String) -> ArgoObjectStore {
        ArgoObjectStore(client: client, namespace: namespace, resource: ArgoCRDs.appProjects, noun: "project", listCommand: "wharf proj list") { project in
            let problems = AppProject(object: project).problems
            if !problems.isEmpty { throw CommandFailure(problems.joined(separator: "\n")) }
        }
    }
}
