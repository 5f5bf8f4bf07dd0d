import KubeModel

/// The Application schema, after upstream's `ApplicationSpec`, `ApplicationStatus` and `Operation`
/// (`pkg/apis/application/v1alpha1/types.go`): field names, types and required fields as upstream,
/// each shared type declared once here where upstream's generated manifest repeats it.
extension OpenAPISchema {
    static let application = described(
        "Application is a definition of Application resource.",
        object(
            [
                "apiVersion": string,
                "kind": string,
                "metadata": ["type": "object"],
                "spec": applicationSpec,
                "status": applicationStatus,
                "operation": operation,
            ], required: ["metadata", "spec"]))

    // MARK: Spec

    static let applicationSpec = described(
        "ApplicationSpec represents desired application state.",
        object(
            [
                "project": string,
                "source": applicationSource,
                "sources": array(applicationSource),
                "destination": applicationDestination,
                "syncPolicy": syncPolicy,
                "ignoreDifferences": array(resourceIgnoreDifferences),
                "info": array(info),
                "revisionHistoryLimit": integer,
                // The hydrator's dry/sync/hydrateTo sources are not interpreted by Wharf yet.
                "sourceHydrator": open,
            ], required: ["destination", "project"]))

    /// Where manifests come from: a Git path, a Helm chart or an OCI artifact, and how to render them.
    static let applicationSource = object(
        [
            "repoURL": string,
            "path": string,
            "targetRevision": string,
            "chart": string,
            "ref": string,
            "name": string,
            "helm": helmSource,
            "kustomize": kustomizeSource,
            "directory": directorySource,
            "plugin": pluginSource,
        ], required: ["repoURL"])

    static let helmSource = object([
        "valueFiles": strings,
        "parameters": array(object(["name": string, "value": string, "forceString": boolean])),
        "fileParameters": array(object(["name": string, "path": string])),
        "releaseName": string,
        "values": string,
        // Upstream's schema is open here: values are whatever the chart accepts.
        "valuesObject": open,
        "ignoreMissingValueFiles": boolean,
        "passCredentials": boolean,
        "skipCrds": boolean,
        "skipSchemaValidation": boolean,
        "skipTests": boolean,
        "version": string,
        "kubeVersion": string,
        "apiVersions": strings,
        "namespace": string,
    ])

    static let kustomizeSource = object([
        "namePrefix": string,
        "nameSuffix": string,
        "images": strings,
        "commonLabels": stringMap,
        "commonAnnotations": stringMap,
        "commonAnnotationsEnvsubst": boolean,
        "forceCommonLabels": boolean,
        "forceCommonAnnotations": boolean,
        "labelWithoutSelector": boolean,
        "labelIncludeTemplates": boolean,
        "version": string,
        "namespace": string,
        "replicas": array(object(["name": string, "count": intOrString], required: ["count", "name"])),
        "patches": array(
            object([
                "path": string,
                "patch": string,
                "target": object([
                    "group": string, "version": string, "kind": string, "name": string, "namespace": string,
                    "labelSelector": string, "annotationSelector": string,
                ]),
                "options": map(boolean),
            ])),
        "components": strings,
        "ignoreMissingComponents": boolean,
        "kubeVersion": string,
        "apiVersions": strings,
    ])

    static let directorySource = object([
        "recurse": boolean,
        "include": string,
        "exclude": string,
        "jsonnet": object(["extVars": array(jsonnetVariable), "tlas": array(jsonnetVariable), "libs": strings]),
    ])

    static let jsonnetVariable = object(["name": string, "value": string, "code": boolean], required: ["name", "value"])

    static let pluginSource = object([
        "name": string,
        "env": array(object(["name": string, "value": string], required: ["name", "value"])),
        "parameters": array(object(["name": string, "string": string, "array": strings, "map": stringMap])),
    ])

    /// A cluster (by URL or by name) and namespace; AppProjects list the same shape as allowed destinations.
    static let applicationDestination = object(["server": string, "name": string, "namespace": string])

    static let syncPolicy = object([
        "automated": object(["prune": boolean, "selfHeal": boolean, "allowEmpty": boolean, "enabled": boolean]),
        "syncOptions": strings,
        "retry": retryStrategy,
        "managedNamespaceMetadata": object(["labels": stringMap, "annotations": stringMap]),
    ])

    static let retryStrategy = object([
        "limit": integer,
        "backoff": object(["duration": string, "factor": integer, "maxDuration": string]),
        "refresh": boolean,
    ])

    static let resourceIgnoreDifferences = object(
        [
            "group": string,
            "kind": string,
            "name": string,
            "namespace": string,
            "jsonPointers": strings,
            "jqPathExpressions": strings,
            "managedFieldsManagers": strings,
        ], required: ["kind"])

    static let info = object(["name": string, "value": string], required: ["name", "value"])

    // MARK: Status

    static let applicationStatus = described(
        "ApplicationStatus contains status information for the application.",
        object([
            "resources": array(resourceStatus),
            "sync": syncStatus,
            "health": healthStatus,
            "history": array(revisionHistory),
            "conditions": array(
                object(["type": string, "message": string, "lastTransitionTime": dateTime], required: ["message", "type"])),
            "reconciledAt": dateTime,
            "operationState": operationState,
            "observedAt": dateTime,
            "sourceType": string,
            "sourceTypes": strings,
            "summary": object(["externalURLs": strings, "images": strings]),
            "resourceHealthSource": string,
            "controllerNamespace": string,
            // The hydrator's progress (last and current hydration) is not interpreted by Wharf yet.
            "sourceHydrator": open,
        ]))

    static let resourceStatus = object([
        "group": string,
        "version": string,
        "kind": string,
        "namespace": string,
        "name": string,
        "status": string,
        "health": healthStatus,
        "hook": boolean,
        "requiresPruning": boolean,
        "requiresDeletionConfirmation": boolean,
        "syncWave": integer,
    ])

    static let healthStatus = object(["status": string, "message": string, "lastTransitionTime": dateTime])

    static let syncStatus = object(
        [
            "status": string,
            "comparedTo": object(
                [
                    "source": applicationSource,
                    "sources": array(applicationSource),
                    "destination": applicationDestination,
                    "ignoreDifferences": array(resourceIgnoreDifferences),
                ], required: ["destination"]),
            "revision": string,
            "revisions": strings,
        ], required: ["status"])

    static let revisionHistory = object(
        [
            "id": integer,
            "revision": string,
            "revisions": strings,
            "source": applicationSource,
            "sources": array(applicationSource),
            "deployedAt": dateTime,
            "deployStartedAt": dateTime,
            "initiatedBy": initiatedBy,
        ], required: ["deployedAt", "id"])

    static let operationState = object(
        [
            "operation": operation,
            "phase": string,
            "message": string,
            "syncResult": object(
                [
                    "resources": array(resourceResult),
                    "revision": string,
                    "revisions": strings,
                    "source": applicationSource,
                    "sources": array(applicationSource),
                    "managedNamespaceMetadata": object(["labels": stringMap, "annotations": stringMap]),
                ], required: ["revision"]),
            "startedAt": dateTime,
            "finishedAt": dateTime,
            "retryCount": integer,
        ], required: ["operation", "phase", "startedAt"])

    /// One object a sync applied, pruned or ran as a hook.
    static let resourceResult = object(
        [
            "group": string,
            "version": string,
            "kind": string,
            "namespace": string,
            "name": string,
            "status": string,
            "message": string,
            "hookType": string,
            "hookPhase": string,
            "syncPhase": string,
            "images": strings,
        ], required: ["group", "kind", "name", "namespace", "version"])

    // MARK: Operation

    /// A requested or running sync, written by `argocd app sync`, auto-sync or a rollback.
    static let operation = described(
        "Operation contains information about a requested or running operation.",
        object([
            "sync": object([
                "revision": string,
                "revisions": strings,
                "prune": boolean,
                "dryRun": boolean,
                // apply/hook strategies with their `force` flags: passed through, not yet interpreted.
                "syncStrategy": open,
                "resources": array(
                    object(["group": string, "kind": string, "name": string, "namespace": string], required: ["kind", "name"])),
                "source": applicationSource,
                "sources": array(applicationSource),
                "manifests": strings,
                "syncOptions": strings,
                "autoHealAttemptsCount": integer,
            ]),
            "initiatedBy": initiatedBy,
            "info": array(info),
            "retry": retryStrategy,
        ]))

    static let initiatedBy = object(["username": string, "automated": boolean])
}
