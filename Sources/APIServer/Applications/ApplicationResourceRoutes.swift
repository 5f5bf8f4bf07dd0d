import Foundation
import HTTPTypes
import KubeClient
import KubeModel
import Logging

/// `/api/v1/applications/{name}/resource`: read, patch or delete one live resource of an
/// Application, as `argocd app patch-resource` / `delete-resource` and the UI do. Only resources the
/// application manages or owns through them (its resource tree) are reachable, so the route cannot
/// be used to touch anything else in the cluster. Patching and deleting need Argo CD 3's
/// fine-grained actions, `update/<group>/<kind>/<namespace>/<name>` and `delete/...` (held by
/// `role:admin` as `update/*` and `delete/*`): plain `update` on the application does not reach
/// its resources.
struct ApplicationResourceRoutes {
    let services: APIServices

    static let query = ["namespace", "resourceName", "version", "group", "kind"]

    var routes: [APIRoute] {
        let tag = "ApplicationService"
        return [
            APIRoute(.get, "/api/v1/applications/{name}/resource", tag: tag, summary: "One live resource of the application", query: Self.query) {
                try await get($0)
            },
            APIRoute(
                .post, "/api/v1/applications/{name}/resource", tag: tag, summary: "Patch one live resource of the application",
                query: Self.query + ["patchType"], body: true
            ) { try await patch($0) },
            APIRoute(
                .delete, "/api/v1/applications/{name}/resource", tag: tag, summary: "Delete one live resource of the application",
                query: Self.query + ["force", "orphan"]
            ) { try await delete($0) },
        ]
    }

    /// A resource named by the query, checked to belong to the application.
    private struct Target {
        var application: KubeObject
        var reference: KubeObject
    }

    private func target(_ request: APIRequest, action: String?) async throws -> Target {
        let application = try await services.application(request.parameter("name"))
        let object = ApplicationRoutes.object(application)
        try services.authorize(request.caller, "applications", "get", object)
        let kind = request.queryValue("kind") ?? ""
        let name = request.queryValue("resourceName") ?? ""
        guard !kind.isEmpty, !name.isEmpty else {
            throw APIError.invalid("kind and resourceName are required query parameters (with group, version and namespace where they apply)")
        }
        let group = request.queryValue("group") ?? ""
        let namespace = request.queryValue("namespace") ?? ""
        guard let node = await node(of: application, group: group, kind: kind, namespace: namespace, name: name) else {
            throw APIError.notFound("\(kind) \(namespace.isEmpty ? "" : namespace + "/")\(name) is not a resource of application \(application.name)")
        }
        if let action {
            try services.authorize(request.caller, "applications", "\(action)/\(group)/\(kind)/\(namespace)/\(name)", object)
        }
        let version = request.queryValue("version").flatMap { $0.isEmpty ? nil : $0 } ?? node["version"]?.stringValue ?? "v1"
        let reference = KubeObject(
            apiVersion: group.isEmpty ? version : "\(group)/\(version)", kind: kind, name: name, namespace: namespace.isEmpty ? nil : namespace)
        return Target(application: application, reference: reference)
    }

    /// The application's entry for the resource: a managed one from its status, else one it owns
    /// through them (found in the resource tree, which costs cluster reads, so it comes second).
    private func node(of application: KubeObject, group: String, kind: String, namespace: String, name: String) async -> JSONValue? {
        func matches(_ node: JSONValue) -> Bool {
            (node["group"]?.stringValue ?? "") == group && node["kind"]?.stringValue == kind
                && (node["namespace"]?.stringValue ?? "") == namespace && node["name"]?.stringValue == name
        }
        if let managed = application[path: "status", "resources"]?.arrayValue?.first(where: matches) { return managed }
        return await ResourceTree.build(application, client: services.client)["nodes"]?.arrayValue?.first(where: matches)
    }

    private static func manifest(_ object: KubeObject) -> APIResponse {
        .json(["manifest": .string(JSONWriter.string(ApplicationStateRoutes.masked(object.content)))])
    }

    private func get(_ request: APIRequest) async throws -> APIResponse {
        let target = try await target(request, action: nil)
        let client = services.client
        return Self.manifest(try await services.cluster { () async throws(KubeError) in try await client.get(target.reference) })
    }

    private func patch(_ request: APIRequest) async throws -> APIResponse {
        let target = try await target(request, action: "update")
        let patch = try Self.patchBody(request.body)
        let type = try Self.patchType(request.queryValue("patchType"))
        let client = services.client
        let patched = try await services.cluster { () async throws(KubeError) in
            let resource = try await client.resource(for: target.reference)
            return try await client.patch(
                resource.groupVersionResource, namespace: resource.namespaced ? target.reference.namespace : nil, name: target.reference.name,
                type: type, patch)
        }
        services.logger.info(
            "resource patched", metadata: ["application": .string(target.application.name), "resource": .string(Self.describe(target.reference))])
        return Self.manifest(patched)
    }

    private func delete(_ request: APIRequest) async throws -> APIResponse {
        let target = try await target(request, action: "delete")
        var options = DeleteOptions(propagationPolicy: request.queryFlag("orphan") ? .orphan : .foreground)
        if request.queryFlag("force") { options.gracePeriodSeconds = 0 }
        let client = services.client
        _ = try await services.cluster { () async throws(KubeError) in try await client.delete(target.reference, options: options) }
        services.logger.info(
            "resource deleted", metadata: ["application": .string(target.application.name), "resource": .string(Self.describe(target.reference))])
        return .json(.emptyObject)
    }

    private static func describe(_ object: KubeObject) -> String {
        "\(object.kind) \(object.namespace.map { $0 + "/" } ?? "")\(object.name)"
    }

    /// The patch: upstream's clients send it as a JSON string (the request's `patch` field is the
    /// whole body); a bare JSON object or array is taken as well.
    static func patchBody(_ body: [UInt8]) throws(APIError) -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes: body)
            if let text = value.stringValue { return try JSONParser.parse(bytes: Array(text.utf8)) }
        } catch {
            throw APIError.invalid("the patch is not valid JSON: \(error)")
        }
        guard value.objectValue != nil || value.arrayValue != nil else { throw APIError.invalid("the patch must be a JSON object, a JSON array or a string holding one") }
        return value
    }

    /// Upstream's patch type names (content types) or the short ones; merge when none is given.
    static func patchType(_ name: String?) throws(APIError) -> PatchType {
        switch name ?? "" {
        case "", "application/merge-patch+json", "merge": return .merge
        case "application/json-patch+json", "json": return .json
        case "application/strategic-merge-patch+json", "strategic": return .strategic
        default:
            throw APIError.invalid("patchType \(name ?? "") is not one of application/merge-patch+json, application/json-patch+json, application/strategic-merge-patch+json")
        }
    }
}
