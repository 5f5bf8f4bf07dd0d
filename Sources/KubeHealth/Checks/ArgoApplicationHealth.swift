import KubeModel

/// `argoproj.io/Application` as a child of another application (app of apps): the health its own
/// controller reported in `status.health`.
///
/// Argo CD removed this check from its built-ins in 1.8 and documents it as a customization to add
/// back; Wharf ships it, with the documented script's rules: Progressing until the child reports.
enum ArgoApplicationHealth {
    static func assess(_ application: JSONValue) -> HealthStatus {
        guard let health = application[path: ["status", "health"]], health.objectValue != nil else {
            return HealthStatus(.progressing)
        }
        guard let status = HealthStatusCode(rawValue: health.string(at: "status")) else {
            // What Argo CD reports when a health script yields a status it does not know.
            return HealthStatus(.unknown, message: "Lua returned an invalid health status")
        }
        return HealthStatus(status, message: health.string(at: "message"))
    }
}
