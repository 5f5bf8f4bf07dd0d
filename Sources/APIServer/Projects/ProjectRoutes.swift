import HTTPTypes
import AppController
import Foundation
import KubeClient
import KubeModel
import Projects

/// `/api/v1/projects`: AppProjects, their sync windows and role tokens.
struct ProjectRoutes {
    let services: APIServices

    var routes: [APIRoute] {
        let tag = "ProjectService"
        return [
            APIRoute(.get, "/api/v1/projects", tag: tag, summary: "List the projects the caller may see") { try await list($0) },
            APIRoute(.post, "/api/v1/projects", tag: tag, summary: "Create a project ({project, upsert})", body: true) { try await create($0) },
            APIRoute(.get, "/api/v1/projects/{name}", tag: tag, summary: "Get a project") { try await get($0) },
            APIRoute(.put, "/api/v1/projects/{name}", tag: tag, summary: "Replace a project ({project})", body: true) { try await update($0) },
            APIRoute(.delete, "/api/v1/projects/{name}", tag: tag, summary: "Delete a project") { try await delete($0) },
            APIRoute(.get, "/api/v1/projects/{name}/syncwindows", tag: tag, summary: "A project's sync windows") { request in
                let project = try await project(request.parameter("name"), caller: request.caller)
                return .json(["windows": project[path: "spec", "syncWindows"] ?? .array([])])
            },
            APIRoute(.post, "/api/v1/projects/{project}/roles/{role}/token", tag: tag, summary: "Create a project role token", body: true) { try await createToken($0) },
            APIRoute(.delete, "/api/v1/projects/{project}/roles/{role}/token/{iat}", tag: tag, summary: "Revoke a project role token") { try await deleteToken($0) },
        ]
    }

    private func project(_ name: String, caller: Caller?) async throws(APIError) -> KubeObject {
        try services.authorize(caller, "projects", "get", name)
        return try await services.cluster { () async throws(KubeError) in
            try await services.client.get(ArgoCRDs.appProjects, namespace: services.namespace, name: name)
        }
    }

    private func list(_ request: APIRequest) async throws -> APIResponse {
        let authorizer = services.settings.current.authorizer
        let items = await services.settings.projects.list().sorted { $0.name < $1.name }
            .filter { authorizer.allows(request.caller, resource: "projects", action: "get", object: $0.name) }
        return .json(["items": .array(items.map(\.content))])
    }

    private func get(_ request: APIRequest) async throws -> APIResponse {
        .json(try await project(request.parameter("name"), caller: request.caller).content)
    }

    private func decode(_ body: JSONValue) throws(APIError) -> KubeObject {
        guard var content = body["project"], content.objectValue != nil else {
            throw APIError.invalid("project is required: {\"project\": {\"metadata\": ..., \"spec\": ...}}")
        }
        // API clients send no type fields: the route says what it is.
        content["apiVersion"] = .string(ArgoCRDs.apiVersion)
        content["kind"] = "AppProject"
        var project: KubeObject
        do {
            project = try KubeObject(content)
        } catch {
            throw APIError.invalid("project is not an AppProject: \(error)")
        }
        guard !project.name.isEmpty else { throw APIError.invalid("project.metadata.name is required") }
        project[path: "metadata", "namespace"] = .string(services.namespace)
        return project
    }

    private func create(_ request: APIRequest) async throws -> APIResponse {
        let body = try request.jsonBody()
        var project = try decode(body)
        try services.authorize(request.caller, "projects", "create", project.name)
        project[path: "metadata", "resourceVersion"] = nil
        do {
            return .json(try await services.client.create(ArgoCRDs.appProjects, namespace: services.namespace, project).content)
        } catch {
            guard error.category == .alreadyExists else { throw APIError(kubeError: error) }
            let name = project.name
            var existing = try await services.cluster { () async throws(KubeError) in
                try await services.client.get(ArgoCRDs.appProjects, namespace: services.namespace, name: name)
            }
            if existing["spec"] == project["spec"] { return .json(existing.content) }
            guard body["upsert"]?.boolValue == true else {
                throw APIError.invalid("existing project spec is different, use upsert flag to force update")
            }
            try services.authorize(request.caller, "projects", "update", name)
            existing["spec"] = project["spec"]
            let updated = existing
            return .json(try await services.cluster { () async throws(KubeError) in
                try await services.client.update(ArgoCRDs.appProjects, namespace: services.namespace, updated)
            }.content)
        }
    }

    private func update(_ request: APIRequest) async throws -> APIResponse {
        let project = try decode(try request.jsonBody())
        guard project.name == request.parameter("name") else { throw APIError.invalid("project.metadata.name does not match the path") }
        try services.authorize(request.caller, "projects", "update", project.name)
        return .json(try await services.cluster { () async throws(KubeError) in
            try await services.client.update(ArgoCRDs.appProjects, namespace: services.namespace, project)
        }.content)
    }

    private func delete(_ request: APIRequest) async throws -> APIResponse {
        let name = request.parameter("name")
        try services.authorize(request.caller, "projects", "delete", name)
        let using = await services.applications.list().filter { ApplicationRoutes.project(of: $0) == name }.count
        guard using == 0 else { throw APIError.invalid("project is referenced by \(using) applications") }
        _ = try await services.cluster { () async throws(KubeError) in
            try await services.client.delete(ArgoCRDs.appProjects, namespace: services.namespace, name: name)
        }
        return .json(.emptyObject)
    }

    /// Changes the role's `jwtTokens` on a fresh copy with a conditional write, retried on conflict.
    private func editTokens(
        project name: String, role: String, _ edit: @Sendable ([JSONValue]) throws(APIError) -> [JSONValue]
    ) async throws(APIError) {
        for _ in 0..<5 {
            var project = try await services.cluster { () async throws(KubeError) in
                try await services.client.get(ArgoCRDs.appProjects, namespace: services.namespace, name: name)
            }
            var roles = project[path: "spec", "roles"]?.arrayValue ?? []
            guard let index = roles.firstIndex(where: { $0["name"]?.stringValue == role }) else {
                throw APIError.notFound("project \(name) has no role \(role)")
            }
            roles[index]["jwtTokens"] = .array(try edit(roles[index]["jwtTokens"]?.arrayValue ?? []))
            project[path: "spec", "roles"] = .array(roles)
            do {
                _ = try await services.client.update(ArgoCRDs.appProjects, namespace: services.namespace, project)
                return
            } catch {
                guard error.category == .conflict else { throw APIError(kubeError: error) }
            }
        }
        throw APIError.conflict("project \(name) kept changing while its tokens were being updated; try again")
    }

    private func createToken(_ request: APIRequest) async throws -> APIResponse {
        let name = request.parameter("project")
        let role = request.parameter("role")
        try services.authorize(request.caller, "projects", "update", name)
        guard let key = services.settings.current.signingKey else { throw APIError(.serviceUnavailable, "the server has no signing key yet; try again") }
        let body = try request.jsonBody()
        let id = body["id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? UUID().uuidString.lowercased()
        let seconds = body["expiresIn"]?.int64Value ?? Int64(body["expiresIn"]?.stringValue ?? "") ?? 0
        let issued = ProjectToken.issue(project: name, role: role, id: id, expiresIn: seconds > 0 ? .seconds(seconds) : nil, key: key)
        try await editTokens(project: name, role: role) { tokens throws(APIError) in
            if tokens.contains(where: { $0["id"]?.stringValue == id }) { throw APIError.conflict("role \(role) of project \(name) already has a token with id \(id)") }
            return tokens + [issued.record.json]
        }
        return .json(["token": .string(issued.token)])
    }

    private func deleteToken(_ request: APIRequest) async throws -> APIResponse {
        let name = request.parameter("project")
        let role = request.parameter("role")
        guard let issuedAt = Int64(request.parameter("iat")) else { throw APIError.invalid("iat must be the token's issued-at time in Unix seconds") }
        try services.authorize(request.caller, "projects", "update", name)
        try await editTokens(project: name, role: role) { tokens throws(APIError) in
            let kept = tokens.filter { $0["iat"]?.int64Value != issuedAt }
            guard kept.count < tokens.count else { throw APIError.notFound("role \(role) of project \(name) has no token issued at \(issuedAt)") }
            return kept
        }
        return .json(.emptyObject)
    }
}
