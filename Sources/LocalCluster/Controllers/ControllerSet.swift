/// The controllers an embedded cluster runs. Adding a controller is adding a file and a line here.
enum ControllerSet {
    static func standard(handler: APIHandler, profile: LocalClusterConfiguration.Profile) -> [any ClusterController] {
        func client(_ name: String) -> InProcessClient { InProcessClient(handler: handler, userAgent: name) }
        return [
            GarbageCollector(client: client("garbage-collector")),
            NamespaceController(client: client("namespace-controller")),
        ]
    }
}
