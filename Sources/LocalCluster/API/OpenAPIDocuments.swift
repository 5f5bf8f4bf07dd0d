public import KubeModel

/// The OpenAPI v3 documents kubectl reads: a root that lists one document per group version, and in
/// each document the PATCH operation of every kind with its `fieldValidation` parameter, which is how
/// kubectl learns that the server validates fields itself (it then sends `fieldValidation=Strict`).
enum OpenAPIDocuments {
    static func root(registry: ResourceRegistry) -> JSONValue {
        var paths = JSONObject()
        var apiVersions = Set(registry.allResources().map(\.apiVersion))
        apiVersions.insert("v1")
        for apiVersion in apiVersions.sorted() {
            let path = apiVersion.contains("/") ? "apis/\(apiVersion)" : "api/\(apiVersion)"
            let hash = fingerprint(registry.resources(apiVersion: apiVersion) ?? [])
            paths[path] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=\(hash)")]
        }
        return ["paths": .object(paths)]
    }

    static func document(group: String, version: String, registry: ResourceRegistry) throws(APIError) -> JSONValue {
        let apiVersion = group.isEmpty ? version : "\(group)/\(version)"
        guard let resources = registry.resources(apiVersion: apiVersion) else {
            throw APIError.notFound(path: "/openapi/v3/\(group.isEmpty ? "api" : "apis/\(group)")/\(version)")
        }
        let prefix = group.isEmpty ? "/api/\(version)" : "/apis/\(apiVersion)"
        var paths = JSONObject()
        var schemas = OpenAPISchemas()
        for info in resources {
            if let custom = registry.customSchema(for: info) {
                schemas.addCustomKind(info.groupVersionKind, schema: custom)
            } else if !registry.isCustom(info) {
                schemas.addKind(info.groupVersionKind)
            }
        }
        // Only kinds that can be patched: kubectl looks for this operation to validate what it applies.
        for info in resources where info.verbs.contains(.patch) {
            let collection = info.namespaced ? "\(prefix)/namespaces/{namespace}/\(info.resource)" : "\(prefix)/\(info.resource)"
            let gvk: JSONValue = ["group": .string(info.group), "version": .string(info.version), "kind": .string(info.kind)]
            paths[collection + "/{name}"] = [
                "patch": [
                    "operationId": .string("patch\(info.kind)"),
                    "parameters": [
                        ["name": "fieldValidation", "in": "query", "schema": ["type": "string", "uniqueItems": true]],
                        ["name": "fieldManager", "in": "query", "schema": ["type": "string", "uniqueItems": true]],
                        ["name": "dryRun", "in": "query", "schema": ["type": "string", "uniqueItems": true]],
                        ["name": "force", "in": "query", "schema": ["type": "boolean", "uniqueItems": true]],
                    ],
                    "x-kubernetes-action": "patch",
                    "x-kubernetes-group-version-kind": gvk,
                ]
            ]
        }
        return [
            "openapi": "3.0.0", "info": ["title": "Kubernetes", "version": "v1.32.0"], "paths": .object(paths),
            "components": ["schemas": .object(schemas.schemas)],
        ]
    }

    /// A short digest of what a group version serves, so clients refetch a document when it changes.
    private static func fingerprint(_ resources: [ResourceInfo]) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for info in resources {
            for byte in "\(info.resource)|\(info.kind)|\(info.namespaced);".utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 1_099_511_628_211
            }
        }
        return String(hash, radix: 16, uppercase: true)
    }
}
