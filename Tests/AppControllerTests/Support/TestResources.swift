import KubeModel

/// Resources the end-to-end controller tests read.
enum TestResources {
    static let applications = GroupVersionResource(group: "argoproj.io", version: "v1alpha1", resource: "applications")
    static let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")
    static let deployments = GroupVersionResource(group: "apps", version: "v1", resource: "deployments")
    static let jobs = GroupVersionResource(group: "batch", version: "v1", resource: "jobs")
}
