public import KubeModel

extension ArgoCRDs {
    /// `applications.argoproj.io`: what to deploy, where, and how it went.
    /// `kubectl get app` shows sync and health status, and with `-o wide` the revision and project.
    public static let application: JSONValue = definition(
        kind: "Application", plural: "applications", shortNames: ["app", "apps"],
        printerColumns: [
            printerColumn("Sync Status", ".status.sync.status"),
            printerColumn("Health Status", ".status.health.status"),
            printerColumn("Revision", ".status.sync.revision", priority: 10),
            printerColumn("Project", ".spec.project", priority: 10),
        ],
        schema: OpenAPISchema.application)
}
