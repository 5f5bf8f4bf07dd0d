/// The built-in resource types the simulation controllers read and write.
enum SimulatedResources {
    static let pods = builtin("", "pods")
    static let nodes = builtin("", "nodes")
    static let services = builtin("", "services")
    static let endpoints = builtin("", "endpoints")
    static let events = builtin("", "events")
    static let persistentVolumeClaims = builtin("", "persistentvolumeclaims")
    static let persistentVolumes = builtin("", "persistentvolumes")
    static let deployments = builtin("apps", "deployments")
    static let replicaSets = builtin("apps", "replicasets")
    static let statefulSets = builtin("apps", "statefulsets")
    static let daemonSets = builtin("apps", "daemonsets")
    static let controllerRevisions = builtin("apps", "controllerrevisions")
    static let jobs = builtin("batch", "jobs")
    static let cronJobs = builtin("batch", "cronjobs")
    static let ingresses = builtin("networking.k8s.io", "ingresses")
    static let endpointSlices = builtin("discovery.k8s.io", "endpointslices")
    static let storageClasses = builtin("storage.k8s.io", "storageclasses")

    private static func builtin(_ group: String, _ resource: String) -> ResourceInfo {
        guard let info = BuiltinResources.list.first(where: { $0.group == group && $0.resource == resource }) else {
            preconditionFailure("\(resource).\(group) is not a built-in resource")
        }
        return info
    }
}

