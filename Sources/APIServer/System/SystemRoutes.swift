import HTTPTypes
import KubeModel

/// The routes anyone may call: version, health, the settings the login page needs, metrics, and
/// the OpenAPI document.
struct SystemRoutes {
    let services: APIServices
    let metrics: APIMetrics
    let version: String
    /// The whole table, for the OpenAPI document (given lazily: the document describes itself too).
    let document: @Sendable () -> JSONValue

    var routes: [APIRoute] {
        let tag = "SystemService"
        return [
            APIRoute(.get, "/api/version", access: .everyone, tag: "VersionService", summary: "The server's version") { _ in
                .json(["Version": .string(version), "Platform": "linux", "KubectlVersion": "v1.32", "KustomizeVersion": "v5.5.0", "HelmVersion": "v4"])
            },
            APIRoute(.get, "/healthz", access: .everyone, tag: tag, summary: "Liveness: ok while the server runs") { _ in .text("ok") },
            APIRoute(.get, "/metrics", access: .everyone, tag: tag, summary: "Prometheus metrics") { _ in
                .text(metrics.exposition, contentType: "text/plain; version=0.0.4")
            },
            APIRoute(.get, "/swagger.json", access: .everyone, tag: tag, summary: "This API's OpenAPI document") { _ in .json(document()) },
            APIRoute(.get, "/api/v1/settings", access: .everyone, tag: "SettingsService", summary: "Public settings: URL, login options, UI options") { _ in
                .json(publicSettings(services.settings.current))
            },
        ]
    }

    /// What upstream tells unauthenticated clients: enough to draw the login page, nothing secret.
    private func publicSettings(_ settings: ServerSettings) -> JSONValue {
        var result: JSONValue = [
            "url": .string(settings.url ?? ""),
            "statusBadgeEnabled": .bool(settings.configMap["statusbadge.enabled"] == "true"),
            "userLoginsDisabled": .bool(settings.accounts.values.allSatisfy { !$0.enabled || !$0.capabilities.contains(.login) }),
            "execEnabled": .bool(settings.configMap["exec.enabled"] == "true"),
            "controllerNamespace": .string(services.namespace),
            "appLabelKey": .string(settings.configMap["application.instanceLabelKey"] ?? "app.kubernetes.io/instance"),
            "trackingMethod": .string(settings.configMap["application.resourceTrackingMethod"] ?? "annotation"),
        ]
        if let oidc = settings.oidc {
            result["oidcConfig"] = ["name": .string(oidc.name), "issuer": .string(oidc.issuer), "clientID": .string(oidc.clientID),
                "scopes": .array(oidc.requestedScopes.map(JSONValue.string))]
            if let cli = oidc.cliClientID { result[path: ["oidcConfig", "cliClientID"]] = .string(cli) }
        }
        return result
    }
}
