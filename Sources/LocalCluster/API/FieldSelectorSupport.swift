import KubeModel

/// Which fields each kind can be selected by, as the Kubernetes API server allows them.
enum FieldSelectorSupport {
    private static let common: Set<String> = ["metadata.name", "metadata.namespace"]
    private static let perResource: [String: Set<String>] = [
        "pods": [
            "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork",
            "status.phase", "status.podIP", "status.nominatedNodeName",
        ],
        "events": [
            "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
            "reportingComponent", "source", "type",
        ],
        "secrets": ["type"],
        "namespaces": ["status.phase"],
        "nodes": ["spec.unschedulable"],
        "replicasets": ["status.replicas"],
        "jobs": ["status.successful"],
    ]

    /// Throws 400 naming the first field `selector` uses that `info` cannot be selected by.
    static func validate(_ selector: String, for info: ResourceInfo) throws(APIError) -> FieldSelector {
        let parsed: FieldSelector
        do {
            parsed = try FieldSelector(parsing: selector)
        } catch {
            throw APIError.badRequest("\(error)")
        }
        let allowed = common.union(info.group.isEmpty || info.group == "apps" || info.group == "batch" ? perResource[info.resource] ?? [] : [])
        for field in parsed.fields where !allowed.contains(field) {
            throw APIError.badRequest("\"\(field)\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"")
        }
        return parsed
    }
}
