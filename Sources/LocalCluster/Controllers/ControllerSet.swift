/// The controllers an embedded cluster runs. Adding a controller is adding a file and a line here.
enum ControllerSet {
    static func standard(
        handler: APIHandler, profile: LocalClusterConfiguration.Profile, tokenSigner: ServiceAccountTokenSigner, caCertificatePEM: String
    ) -> [any ClusterController] {
        func client(_ name: String) -> InProcessClient { InProcessClient(handler: handler, userAgent: name) }
        let timing = SimulationTiming(profile: profile)
        return [
            GarbageCollector(client: client("garbage-collector")),
            NamespaceController(client: client("namespace-controller")),
            KubeletSimulator(client: client("kubelet"), timing: timing),
            ReplicaSetController(client: client("replicaset-controller")),
            DeploymentController(client: client("deployment-controller")),
            StatefulSetController(client: client("statefulset-controller")),
            DaemonSetController(client: client("daemonset-controller")),
            JobController(client: client("job-controller"), timing: timing),
            CronJobController(client: client("cronjob-controller")),
            EndpointsController(client: client("endpoints-controller")),
            LoadBalancerController(client: client("service-controller"), timing: timing),
            VolumeBinder(client: client("persistentvolume-controller"), timing: timing),
            ServiceAccountTokenController(client: client("serviceaccount-token-controller"), signer: tokenSigner, caCertificatePEM: caCertificatePEM),
        ]
    }
}
