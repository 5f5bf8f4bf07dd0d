import KubeModel

/// The ApplicationSet schema, after upstream's `ApplicationSetSpec` and `ApplicationSetStatus`. The
/// generators and the template keep unknown fields: they hold templated text whose shape is only
/// known after rendering, and generators Wharf does not run yet must survive a round trip.
extension OpenAPISchema {
    static let applicationSet = described(
        "ApplicationSet generates Applications from a template and parameters from generators (lists, clusters, Git, matrix, merge).",
        object(
            [
                "apiVersion": string,
                "kind": string,
                "metadata": ["type": "object"],
                "spec": applicationSetSpec,
                "status": applicationSetStatus,
            ], required: ["metadata", "spec"]))

    static let applicationSetSpec = described(
        "ApplicationSetSpec is the specification of an ApplicationSet.",
        object(
            [
                "goTemplate": boolean,
                "goTemplateOptions": strings,
                "generators": array(open),
                "template": open,
                "templatePatch": string,
                "syncPolicy": object([
                    "preserveResourcesOnDeletion": boolean,
                    "applicationsSync": ["type": "string", "enum": ["create-only", "create-update", "create-delete", "sync"]],
                ]),
                "strategy": object([
                    "type": string,
                    "deletionOrder": string,
                    "rollingSync": object([
                        "steps": array(
                            object([
                                "matchExpressions": array(object(["key": string, "operator": string, "values": strings])),
                                "maxUpdate": intOrString,
                            ])),
                        "defaultPrune": boolean,
                    ]),
                ]),
                "preservedFields": object(["annotations": strings, "labels": strings]),
                "ignoreApplicationDifferences": array(object(["name": string, "jsonPointers": strings, "jqPathExpressions": strings])),
                "applyNestedSelectors": boolean,
            ], required: ["generators", "template"]))

    static let applicationSetStatus = object([
        "conditions": array(
            object(
                ["type": string, "status": string, "reason": string, "message": string, "lastTransitionTime": dateTime],
                required: ["message", "reason", "status", "type"])),
        "applicationStatus": array(
            object(
                [
                    "application": string, "status": string, "message": string, "step": string, "lastTransitionTime": dateTime,
                    "targetRevisions": strings,
                ], required: ["application", "message", "status", "step"])),
        "resources": array(
            object([
                "group": string, "version": string, "kind": string, "name": string, "namespace": string, "status": string,
                "health": object(["status": string, "message": string, "lastTransitionTime": dateTime]),
                "hook": boolean, "requiresPruning": boolean, "syncWave": integer, "requiresDeletionConfirmation": boolean,
            ])),
        "resourcesCount": integer,
    ])
}
