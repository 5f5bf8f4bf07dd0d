import KubeModel

/// The AppProject schema, after upstream's `AppProjectSpec` and `AppProjectStatus`.
extension OpenAPISchema {
    static let appProject = described(
        "AppProject groups applications and limits where they may come from, where they may deploy and what they may create.",
        object(
            [
                "apiVersion": string,
                "kind": string,
                "metadata": ["type": "object"],
                "spec": appProjectSpec,
                "status": object(["jwtTokensByRole": map(object(["items": array(jwtToken)]))]),
            ], required: ["metadata", "spec"]))

    static let appProjectSpec = described(
        "AppProjectSpec is the specification of an AppProject.",
        object([
            "description": string,
            "sourceRepos": strings,
            "sourceNamespaces": strings,
            "destinations": array(applicationDestination),
            "destinationServiceAccounts": array(
                object(
                    ["server": string, "namespace": string, "defaultServiceAccount": string],
                    required: ["defaultServiceAccount", "server"])),
            "permitOnlyProjectScopedClusters": boolean,
            "clusterResourceWhitelist": array(clusterResourceRestriction),
            "clusterResourceBlacklist": array(clusterResourceRestriction),
            "namespaceResourceWhitelist": array(groupKind),
            "namespaceResourceBlacklist": array(groupKind),
            "orphanedResources": object([
                "warn": boolean,
                "ignore": array(object(["group": string, "kind": string, "name": string])),
            ]),
            "roles": array(
                object(
                    [
                        "name": string,
                        "description": string,
                        "policies": strings,
                        "groups": strings,
                        "jwtTokens": array(jwtToken),
                    ], required: ["name"])),
            "syncWindows": array(
                object([
                    "kind": string,
                    "schedule": string,
                    "duration": string,
                    "timeZone": string,
                    "applications": strings,
                    "namespaces": strings,
                    "clusters": strings,
                    "manualSync": boolean,
                    "syncOverrun": boolean,
                    "andOperator": boolean,
                    "description": string,
                ])),
            "signatureKeys": array(object(["keyID": string], required: ["keyID"])),
            // Commit-signature policies, newer than what Wharf enforces: kept as written.
            "sourceIntegrity": open,
        ]))

    /// A kind, in a group, by name pattern (all names when omitted): AppProject's cluster allow and deny lists.
    static let clusterResourceRestriction = object(["group": string, "kind": string, "name": string], required: ["group", "kind"])

    static let groupKind = object(["group": string, "kind": string], required: ["group", "kind"])

    /// A project role's token, known by when it was issued.
    static let jwtToken = object(["iat": integer, "exp": integer, "id": string], required: ["iat"])
}
