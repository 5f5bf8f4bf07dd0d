import AppController
import KubeClient

extension ArgoObjectStore {
    /// The ApplicationSets of `namespace`; the controller reports problems in their status, so
    /// nothing is refused here.
    static func applicationSets(client: KubeClient, namespace: String) -> ArgoObjectStore {
        ArgoObjectStore(
            client: client, namespace: namespace, resource: ArgoCRDs.applicationSets, noun: "ApplicationSet", listCommand: "wharf appset list"
        ) { _ in }
    }
}
