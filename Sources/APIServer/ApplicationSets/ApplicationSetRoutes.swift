import AppController
import Foundation
import HTTPTypes
import KubeClient
import KubeModel

/// `/api/v1/applicationsets`: ApplicationSets, checked against RBAC on `project/name` (the project
/// of the template's applications, as upstream).
struct ApplicationSetRoutes {
    let services: APIServices

    var routes: [APIRoute] {
        let tag = "ApplicationSetService"
        return [
            APIRoute(.get, "/api/v1/applicationsets", tag: tag, summary: "List ApplicationSets", query: ["projects", "selector"]) { try await list($0) },
            APIRoute(.post, "/api/v1/applicationsets", tag: tag, summary: "Create an ApplicationSet", query: ["upsert"], body: true) { try await create($0) },
            APIRoute(.get, "/api/v1/applicationsets/{name}", tag: tag, summary: "Get an ApplicationSet") { request in
                let set = try await get(request.parameter("name"))
                try services.authorize(request.caller, "applicationsets", "get", Self.object(set))
                return .json(set.content)
            },
            APIRoute(.delete, "/api/v1/applicationsets/{name}", tag: tag, summary: "Delete an ApplicationSet (and the applications it generated)") { request in
                let set = try await get(request.parameter("name"))
                try services.authorize(request.caller, "applicationsets", "delete", Self.object(set))
                let name = set.name
                _ = try await services.cluster { () async throws(KubeError) in
                    try await services.client.delete(ArgoCRDs.applicationSets, namespace: services.namespace, name: name)
                }
                return .json(.emptyObject)
            },
        ]
    }

    static func object(_ set: KubeObject) -> String {
        let project = set[path: "spec", "template", "spec", "project"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        return "\(project)/\(set.name)"
    }

    private func get(_ name: String) async throws(APIError) -> KubeObject {
        try await services.cluster { () async throws(KubeError) in
            try await services.client.get(ArgoCRDs.applicationSets, namespace: services.namespace, name: name)
        }
    }

    private func list(_ request: APIRequest) async throws -> APIResponse {
        let authorizer = services.settings.current.authorizer
        let projects = Set(request.queryValues("projects"))
        let selector = request.queryValue("selector").flatMap { $0.isEmpty ? nil : $0 }
        let list = try await services.cluster { () async throws(KubeError) in
            try await services.client.listAll(ArgoCRDs.applicationSets, namespace: services.namespace, options: ListOptions(labelSelector: selector))
        }
        let items = list.items.filter { set in
            let object = Self.object(set)
            return (projects.isEmpty || projects.contains(String(object.prefix { $0 != "/" })))
                && authorizer.allows(request.caller, resource: "applicationsets", action: "get", object: object)
        }
        return .json(["items": .array(items.map(\.content))])
    }

    private func create(_ request: APIRequest) async throws -> APIResponse {
        var body = try request.jsonBody()
        body["apiVersion"] = .string(ArgoCRDs.apiVersion)
        body["kind"] = "ApplicationSet"
        var set: KubeObject
        do {
            set = try KubeObject(body)
        } catch {
            throw APIError.invalid("the body is not an ApplicationSet: \(error)")
        }
        guard !set.name.isEmpty else { throw APIError.invalid("metadata.name is required") }
        set[path: "metadata", "namespace"] = .string(services.namespace)
        set[path: "metadata", "resourceVersion"] = nil
        try services.authorize(request.caller, "applicationsets", "create", Self.object(set))
        let created = set
        do {
            return .json(try await services.client.create(ArgoCRDs.applicationSets, namespace: services.namespace, created).content)
        } catch {
            guard error.category == .alreadyExists, request.queryFlag("upsert") else { throw APIError(kubeError: error) }
            try services.authorize(request.caller, "applicationsets", "update", Self.object(set))
            var existing = try await get(set.name)
            existing["spec"] = set["spec"]
            let replacement = existing
            return .json(try await services.cluster { () async throws(KubeError) in
                try await services.client.update(ArgoCRDs.applicationSets, namespace: services.namespace, replacement)
            }.content)
        }
    }
}
