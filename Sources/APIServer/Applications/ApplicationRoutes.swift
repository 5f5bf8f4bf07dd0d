import HTTPTypes
import AppController
import Foundation
import KubeClient
import KubeModel
import Projects

/// `/api/v1/applications`: list, read, create, update, patch and delete Applications, and request
/// their operations, with upstream's paths, parameters and answers. Every call is checked against
/// RBAC on the object `project/name`; lists hold only what the caller may get.
struct ApplicationRoutes {
    let services: APIServices
    let serialized = SerializedObjects()

    static let finalizer = "resources-finalizer.argocd.argoproj.io"
    static let backgroundFinalizer = "resources-finalizer.argocd.argoproj.io/background"

    var routes: [APIRoute] {
        let tag = "ApplicationService"
        return [
            APIRoute(.get, "/api/v1/applications", tag: tag, summary: "List the applications the caller may see", query: ["name", "projects", "selector", "repo", "appNamespace", "fields"]) { try await list($0) },
            APIRoute(.post, "/api/v1/applications", tag: tag, summary: "Create an application", query: ["upsert", "validate"], body: true) { try await create($0) },
            APIRoute(.get, "/api/v1/applications/{name}", tag: tag, summary: "Get an application", query: ["refresh", "project", "appNamespace"]) { try await get($0) },
            APIRoute(.put, "/api/v1/applications/{name}", tag: tag, summary: "Replace an application", query: ["validate", "project"], body: true) { try await update($0) },
            APIRoute(.put, "/api/v1/applications/{name}/spec", tag: tag, summary: "Replace an application's spec", query: ["validate"], body: true) { try await updateSpec($0) },
            APIRoute(.patch, "/api/v1/applications/{name}", tag: tag, summary: "Patch an application (patchType json or merge)", body: true) { try await patch($0) },
            APIRoute(.delete, "/api/v1/applications/{name}", tag: tag, summary: "Delete an application", query: ["cascade", "propagationPolicy"]) { try await delete($0) },
            APIRoute(.post, "/api/v1/applications/{name}/sync", tag: tag, summary: "Sync an application to its target state", body: true) { try await sync($0) },
            APIRoute(.post, "/api/v1/applications/{name}/rollback", tag: tag, summary: "Roll an application back to a history entry", body: true) { try await rollback($0) },
            APIRoute(.delete, "/api/v1/applications/{name}/operation", tag: tag, summary: "Terminate the running operation") { try await terminate($0) },
        ]
    }

    /// `project/name`, the RBAC object of an Application.
    static func object(_ application: KubeObject) -> String { "\(project(of: application))/\(application.name)" }

    static func project(of application: KubeObject) -> String {
        application[path: "spec", "project"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
    }

    private func list(_ request: APIRequest) async throws -> APIResponse {
        let projects = Set(request.queryValues("projects") + request.queryValues("project"))
        let selector: LabelSelector?
        do {
            selector = try request.queryValue("selector").flatMap { $0.isEmpty ? nil : try LabelSelector(parsing: $0) }
        } catch {
            throw APIError.invalid("parameter selector: \(error)")
        }
        let name = request.queryValue("name").flatMap { $0.isEmpty ? nil : $0 }
        let repo = request.queryValue("repo").flatMap { $0.isEmpty ? nil : $0 }
        let authorizer = services.settings.current.authorizer
        let mask = FieldMask(request.queryValue("fields"))
        // With `fields`, each item holds what the `items.` paths select (nothing without one).
        let itemMask = mask?.under("items")
        let listsItems = mask == nil || itemMask != nil
        let all = listsItems ? await services.applications.list() : []
        var items: [[UInt8]] = []
        for application in all.sortedByName() {
            if let name, application.name != name { continue }
            if !projects.isEmpty && !projects.contains(Self.project(of: application)) { continue }
            if let selector, !selector.matches(application.labels) { continue }
            if let repo, !Self.sources(of: application).contains(where: { $0["repoURL"]?.stringValue == repo }) { continue }
            guard authorizer.allows(request.caller, resource: "applications", action: "get", object: Self.object(application)) else { continue }
            items.append(serialized.bytes(of: application, mask: itemMask))
        }
        if listsItems { serialized.keepOnly(Set(all.map(\.name))) }
        let version = all.compactMap { $0.resourceVersion.flatMap(Int.init) }.max() ?? 0
        var body = Array("{\"metadata\":{\"resourceVersion\":\"\(version)\"},\"items\":[".utf8)
        body.reserveCapacity(items.reduce(body.count + 2) { $0 + $1.count + 1 })
        for (index, item) in items.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body += item
        }
        body += Array("]}".utf8)
        return .json(bytes: body)
    }

    static func sources(of application: KubeObject) -> [JSONValue] {
        (application[path: "spec", "source"].map { [$0] } ?? []) + (application[path: "spec", "sources"]?.arrayValue ?? [])
    }

    private func get(_ request: APIRequest) async throws -> APIResponse {
        var application = try await services.application(request.parameter("name"))
        try services.authorize(request.caller, "applications", "get", Self.object(application))
        if let refresh = request.queryValue("refresh"), !refresh.isEmpty {
            guard refresh == "normal" || refresh == "hard" else { throw APIError.invalid("parameter refresh: \"\(refresh)\" is not normal or hard") }
            application = try await requestRefresh(application, kind: refresh)
        }
        return .json(bytes: serialized.bytes(of: application))
    }

    /// Asks the controller to refresh (the `argocd.argoproj.io/refresh` annotation) and waits a
    /// little for it to finish, as upstream's `get --refresh` does, returning the newest copy.
    private func requestRefresh(_ application: KubeObject, kind: String) async throws -> KubeObject {
        let name = application.name
        let patch: JSONValue = ["metadata": ["annotations": ["argocd.argoproj.io/refresh": .string(kind)]]]
        _ = try await services.cluster { () async throws(KubeError) in
            try await services.client.patch(ArgoCRDs.applications, namespace: services.namespace, name: name, type: .merge, patch)
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            if let current = await services.applications.get(namespace: services.namespace, name: name),
                current.annotation("argocd.argoproj.io/refresh") == nil
            {
                return current
            }
        }
        return try await services.application(name)
    }

    private func create(_ request: APIRequest) async throws -> APIResponse {
        var body = try request.jsonBody()
        // API clients send no type fields: the route says what it is.
        body["apiVersion"] = .string(ArgoCRDs.apiVersion)
        body["kind"] = "Application"
        var application: KubeObject
        do {
            application = try KubeObject(body)
        } catch {
            throw APIError.invalid("the body is not an Application: \(error)")
        }
        guard !application.name.isEmpty else { throw APIError.invalid("metadata.name is required") }
        application[path: "metadata", "namespace"] = .string(services.namespace)
        let object = Self.object(application)
        try services.authorize(request.caller, "applications", "create", object)
        try validate(application)
        if let existing = await services.applications.get(namespace: services.namespace, name: application.name) {
            if existing["spec"] == application["spec"] { return .json(existing.content) }
            guard request.queryFlag("upsert") else {
                throw APIError.invalid("existing application spec is different, use upsert flag to force update")
            }
            try services.authorize(request.caller, "applications", "update", object)
            var updated = existing
            updated["spec"] = application["spec"]
            for (key, value) in application.labels { updated.setLabel(key, value) }
            for (key, value) in application.annotations { updated.setAnnotation(key, value) }
            let written = try await services.cluster { () async throws(KubeError) in
                try await services.client.update(ArgoCRDs.applications, namespace: services.namespace, updated)
            }
            return .json(written.content)
        }
        application[path: "metadata", "resourceVersion"] = nil
        let created = try await services.cluster { () async throws(KubeError) in
            try await services.client.create(ArgoCRDs.applications, namespace: services.namespace, application)
        }
        return .json(created.content)
    }

    /// Refuses an Application its project does not allow, with upstream's messages, before anything is written.
    private func validate(_ application: KubeObject) throws(APIError) {
        let projectName = Self.project(of: application)
        guard let project = services.settings.current.projects[projectName] else {
            throw APIError.invalid("application references project \(projectName) which does not exist")
        }
        guard application[path: "spec", "source"] != nil || application[path: "spec", "sources"] != nil else {
            throw APIError.invalid("application spec for \(application.name) is invalid: InvalidSpecError: spec.source or spec.sources is required")
        }
        for source in Self.sources(of: application) {
            let repo = source["repoURL"]?.stringValue ?? ""
            if let problem = RepositorySecret.problem(with: repo) {
                throw APIError.invalid("application spec for \(application.name) is invalid: InvalidSpecError: spec.source.repoURL: \(problem)")
            }
            guard project.permitsSource(repo) else {
                throw APIError.invalid(
                    "application spec for \(application.name) is invalid: InvalidSpecError: application repo \(repo) is not permitted in project '\(projectName)'")
            }
        }
        let destination = application[path: "spec", "destination"]
        let server = destination?["server"]?.stringValue ?? ""
        let clusterName = destination?["name"]?.stringValue ?? ""
        guard !server.isEmpty || !clusterName.isEmpty else {
            throw APIError.invalid("application spec for \(application.name) is invalid: InvalidSpecError: Destination server missing from app spec")
        }
    }

    private func update(_ request: APIRequest) async throws -> APIResponse {
        let name = request.parameter("name")
        let existing = try await services.application(name)
        let body = try request.jsonBody()
        guard let spec = body["spec"], spec.objectValue != nil else { throw APIError.invalid("spec is required") }
        if let bodyName = body[path: ["metadata", "name"]]?.stringValue, bodyName != name {
            throw APIError.invalid("metadata.name \(bodyName) does not match the path's \(name)")
        }
        try services.authorize(request.caller, "applications", "update", Self.object(existing))
        var updated = existing
        updated["spec"] = spec
        for key in ["labels", "annotations", "finalizers"] {
            if let value = body[path: ["metadata", key]] { updated[path: "metadata", key] = value }
        }
        try services.authorize(request.caller, "applications", "update", Self.object(updated))
        try validate(updated)
        return .json(try await write(updated).content)
    }

    private func updateSpec(_ request: APIRequest) async throws -> APIResponse {
        let existing = try await services.application(request.parameter("name"))
        let spec = try request.jsonBody()
        try services.authorize(request.caller, "applications", "update", Self.object(existing))
        var updated = existing
        updated["spec"] = spec
        try services.authorize(request.caller, "applications", "update", Self.object(updated))
        try validate(updated)
        return .json(try await write(updated)["spec"] ?? .emptyObject)
    }

    private func patch(_ request: APIRequest) async throws -> APIResponse {
        let existing = try await services.application(request.parameter("name"))
        let body = try request.jsonBody()
        try services.authorize(request.caller, "applications", "update", Self.object(existing))
        guard let text = body["patch"]?.stringValue else { throw APIError.invalid("patch is required: a JSON string holding the patch") }
        let patchValue: JSONValue
        do {
            patchValue = try JSONParser.parse(bytes: Array(text.utf8))
        } catch {
            throw APIError.invalid("patch is not valid JSON: \(error)")
        }
        var content: JSONValue
        switch body["patchType"]?.stringValue ?? "json" {
        case "json":
            do {
                content = try JSONPatch(json: patchValue).apply(to: existing.content)
            } catch {
                throw APIError.invalid("the JSON patch cannot be applied: \(error)")
            }
        case "merge": content = MergePatch.apply(patchValue, to: existing.content)
        case let other: throw APIError.invalid("patchType \(other) is not supported: use json or merge")
        }
        let updated: KubeObject
        do {
            updated = try KubeObject(content)
        } catch {
            throw APIError.invalid("the patched application is not valid: \(error)")
        }
        guard updated.name == existing.name else { throw APIError.invalid("a patch may not change metadata.name") }
        try services.authorize(request.caller, "applications", "update", Self.object(updated))
        try validate(updated)
        return .json(try await write(updated).content)
    }

    private func write(_ application: KubeObject) async throws(APIError) -> KubeObject {
        try await services.cluster { () async throws(KubeError) in
            try await services.client.update(ArgoCRDs.applications, namespace: services.namespace, application)
        }
    }

    private func delete(_ request: APIRequest) async throws -> APIResponse {
        let name = request.parameter("name")
        let existing = try await services.application(name)
        try services.authorize(request.caller, "applications", "delete", Self.object(existing))
        let cascade = request.queryFlag("cascade", default: true)
        let policy = request.queryValue("propagationPolicy")?.lowercased() ?? "foreground"
        guard ["foreground", "background"].contains(policy) else {
            throw APIError.invalid("propagationPolicy \(policy) is not foreground or background")
        }
        var finalizers = existing.finalizers.filter { $0 != Self.finalizer && $0 != Self.backgroundFinalizer }
        if cascade { finalizers.append(policy == "background" ? Self.backgroundFinalizer : Self.finalizer) }
        if finalizers != existing.finalizers {
            let patch: JSONValue = ["metadata": ["finalizers": .array(finalizers.map(JSONValue.string)), "resourceVersion": existing.resourceVersion.map(JSONValue.string) ?? .null]]
            _ = try await services.cluster { () async throws(KubeError) in
                try await services.client.patch(ArgoCRDs.applications, namespace: services.namespace, name: name, type: .merge, patch)
            }
        }
        _ = try await services.cluster { () async throws(KubeError) in
            try await services.client.delete(ArgoCRDs.applications, namespace: services.namespace, name: name)
        }
        return .json(.emptyObject)
    }

    private func sync(_ request: APIRequest) async throws -> APIResponse {
        let name = request.parameter("name")
        let body = try request.jsonBody()
        if let manifests = body["manifests"]?.arrayValue, !manifests.isEmpty {
            // Deploying what is not in Git overrides the source, as upstream's `override` action guards.
            let application = try await services.application(name)
            try services.authorize(request.caller, "applications", "override", Self.object(application))
        }
        return try await requestOperation(request, name: name, action: "sync") { application, username throws(OperationRequestError) in
            try OperationRequest.sync(application, request: body, initiatedBy: username)
        }
    }

    private func rollback(_ request: APIRequest) async throws -> APIResponse {
        let body = try request.jsonBody()
        guard let id = body["id"]?.int64Value else { throw APIError.invalid("id is required: the history entry to roll back to") }
        return try await requestOperation(request, name: request.parameter("name"), action: "sync") { application, username throws(OperationRequestError) in
            try OperationRequest.rollback(
                application, to: Int(id), prune: body["prune"]?.boolValue ?? false, dryRun: body["dryRun"]?.boolValue ?? false, initiatedBy: username)
        }
    }

    private func terminate(_ request: APIRequest) async throws -> APIResponse {
        _ = try await requestOperation(request, name: request.parameter("name"), action: "sync") { application, _ throws(OperationRequestError) in
            try OperationRequest.terminate(application)
        }
        return .json(.emptyObject)
    }

    /// Writes the merge patch `makePatch` builds from a fresh copy, retrying when it loses to a
    /// controller write; refusals come back as 400 with the reason.
    private func requestOperation(
        _ request: APIRequest, name: String, action: String, _ makePatch: (KubeObject, String) throws(OperationRequestError) -> JSONValue
    ) async throws -> APIResponse {
        for attempt in 1...5 {
            let application = try await services.cluster { () async throws(KubeError) in
                try await services.client.get(ArgoCRDs.applications, namespace: services.namespace, name: name)
            }
            try services.authorize(request.caller, "applications", action, Self.object(application))
            var patch: JSONValue
            do throws(OperationRequestError) {
                patch = try makePatch(application, request.caller?.username ?? "anonymous")
            } catch {
                throw APIError.invalid(error.message)
            }
            if patch[path: ["metadata", "resourceVersion"]] == nil {
                patch[path: ["metadata", "resourceVersion"]] = application.resourceVersion.map(JSONValue.string) ?? .null
            }
            do {
                let written = try await services.client.patch(ArgoCRDs.applications, namespace: services.namespace, name: name, type: .merge, patch)
                return .json(written.content)
            } catch {
                guard error.category == .conflict, attempt < 5 else { throw APIError(kubeError: error) }
            }
        }
        throw APIError.conflict("application \(name) kept changing while the operation was being requested; try again")
    }
}
