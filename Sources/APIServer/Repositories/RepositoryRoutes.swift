import Foundation
import HTTPTypes
import KubeClient
import KubeModel
import RepoServer

/// `/api/v1/repositories` and `/api/v1/repocreds`: repositories and credential templates, stored as
/// upstream stores them (labelled Secrets), checked before they are saved, shown without secrets.
struct RepositoryRoutes {
    let services: APIServices

    var routes: [APIRoute] {
        let tag = "RepositoryService"
        return [
            APIRoute(.get, "/api/v1/repositories", tag: tag, summary: "List repositories (credentials never shown)") { try await list($0, kind: "repository") },
            APIRoute(.post, "/api/v1/repositories", tag: tag, summary: "Add a repository (its connection is checked first)", query: ["upsert", "credsOnly"], body: true) {
                try await create($0, kind: "repository")
            },
            APIRoute(.get, "/api/v1/repositories/{repo}", tag: tag, summary: "Get a repository") { try await get($0) },
            APIRoute(.delete, "/api/v1/repositories/{repo}", tag: tag, summary: "Remove a repository") { try await delete($0, kind: "repository") },
            APIRoute(.get, "/api/v1/repositories/{repo}/refs", tag: tag, summary: "A Git repository's branches and tags") { try await refs($0) },
            APIRoute(.post, "/api/v1/repositories/{repo}/validate", tag: tag, summary: "Check that a repository can be read with the given credentials", body: true) {
                try await validate($0)
            },
            APIRoute(.get, "/api/v1/repocreds", tag: "RepoCredsService", summary: "List credential templates") { try await list($0, kind: "repo-creds") },
            APIRoute(.post, "/api/v1/repocreds", tag: "RepoCredsService", summary: "Add a credential template for URLs with its prefix", query: ["upsert"], body: true) {
                try await create($0, kind: "repo-creds")
            },
            APIRoute(.delete, "/api/v1/repocreds/{url}", tag: "RepoCredsService", summary: "Remove a credential template") { try await delete($0, kind: "repo-creds") },
        ]
    }

    private func stored(kind: String) async -> [(KubeObject, RepositorySecret)] {
        await services.settings.secrets.list().compactMap { secret in
            RepositorySecret(secret: secret).flatMap { $0.kind == kind ? (secret, $0) : nil }
        }.sorted { $0.1.url < $1.1.url }
    }

    private func find(_ url: String, kind: String) async throws(APIError) -> (KubeObject, RepositorySecret) {
        let normalized = Self.normalize(url)
        guard let match = await stored(kind: kind).first(where: { Self.normalize($0.1.url) == normalized }) else {
            throw APIError.notFound("repo '\(url)' not found")
        }
        return match
    }

    static func normalize(_ url: String) -> String {
        var text = url.lowercased().trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        if text.hasSuffix(".git") { text.removeLast(4) }
        return text
    }

    private func list(_ request: APIRequest, kind: String) async throws -> APIResponse {
        let authorizer = services.settings.current.authorizer
        let items = await stored(kind: kind).map(\.1).filter { authorizer.allows(request.caller, resource: "repositories", action: "get", object: $0.rbacObject) }
        guard kind == "repository" else { return .json(["items": .array(items.map { $0.view() })]) }
        // Each repository is checked at once rather than one after another: a slow or unreachable
        // one costs its own timeout, not everyone's.
        let views = await withTaskGroup(of: (Int, JSONValue).self) { group in
            for (index, repository) in items.enumerated() {
                group.addTask { (index, repository.view(connection: await connectionState(of: repository))) }
            }
            var views = [JSONValue](repeating: .null, count: items.count)
            for await (index, view) in group { views[index] = view }
            return views
        }
        return .json(["items": .array(views)])
    }

    private func get(_ request: APIRequest) async throws -> APIResponse {
        let (_, repository) = try await find(request.parameter("repo"), kind: "repository")
        try services.authorize(request.caller, "repositories", "get", repository.rbacObject)
        return .json(repository.view(connection: await connectionState(of: repository)))
    }

    /// Upstream's `connectionState`: whether the repository can be read right now — a Git
    /// repository's refs listed, a Helm repository's `index.yaml` fetched — with `credentials`
    /// (default: the stored ones). OCI registries are only reached when a chart is pulled.
    private func connectionState(of repository: RepositorySecret, checkingWith credentials: RepositoryCredentials? = nil) async -> JSONValue {
        let now: JSONValue = .string(Date().formatted(.iso8601))
        let url = repository.url
        do throws(SourceError) {
            if repository.data["type"] == "helm" {
                guard repository.data["enableOCI"] != "true" && !url.hasPrefix("oci://") else {
                    return ["status": "Unknown", "message": "OCI registries are checked when a chart is pulled", "attemptedAt": now]
                }
                try await services.repo.checkChartRepository(url: url, credentials: credentials)
            } else {
                _ = try await services.repo.references(repoURL: url, credentials: credentials)
            }
            return ["status": "Successful", "message": "", "attemptedAt": now]
        } catch {
            return ["status": "Failed", "message": .string(error.message), "attemptedAt": now]
        }
    }

    private func create(_ request: APIRequest, kind: String) async throws -> APIResponse {
        let repository = RepositorySecret(kind: kind, body: try request.jsonBody())
        if let problem = RepositorySecret.problem(with: repository.url) { throw APIError.invalid(problem) }
        try services.authorize(request.caller, "repositories", "create", repository.rbacObject)
        if kind == "repository" && !request.queryFlag("credsOnly") {
            let state = await connectionState(of: repository, checkingWith: repository.credentials)
            guard state["status"] != "Failed" else {
                throw APIError.invalid("Unable to create repository \(repository.url): \(state["message"]?.stringValue ?? "cannot be read")")
            }
        }
        let secret = repository.object(namespace: services.namespace)
        do {
            _ = try await services.client.create(SecretDataWriter.secrets, namespace: services.namespace, secret)
        } catch {
            guard error.category == .alreadyExists else { throw APIError(kubeError: error) }
            let name = secret.name
            var existing = try await services.cluster { () async throws(KubeError) in
                try await services.client.get(SecretDataWriter.secrets, namespace: services.namespace, name: name)
            }
            if RepositorySecret(secret: existing)?.data == repository.data { return .json(repository.view()) }
            guard request.queryFlag("upsert") else {
                throw APIError.invalid("existing repository spec is different; use upsert flag to force update")
            }
            try services.authorize(request.caller, "repositories", "update", repository.rbacObject)
            existing["data"] = secret["data"]
            existing["stringData"] = nil
            let replacement = existing
            _ = try await services.cluster { () async throws(KubeError) in
                try await services.client.update(SecretDataWriter.secrets, namespace: services.namespace, replacement)
            }
        }
        return .json(repository.view())
    }

    private func delete(_ request: APIRequest, kind: String) async throws -> APIResponse {
        let (secret, repository) = try await find(request.parameter(kind == "repository" ? "repo" : "url"), kind: kind)
        try services.authorize(request.caller, "repositories", "delete", repository.rbacObject)
        _ = try await services.cluster { () async throws(KubeError) in
            try await services.client.delete(SecretDataWriter.secrets, namespace: services.namespace, name: secret.name)
        }
        return .json(.emptyObject)
    }

    private func refs(_ request: APIRequest) async throws -> APIResponse {
        let url = request.parameter("repo")
        if let problem = RepositorySecret.problem(with: url) { throw APIError.invalid(problem) }
        let object = (try? await find(url, kind: "repository"))?.1.rbacObject ?? url
        try services.authorize(request.caller, "repositories", "get", object)
        let references: [GitReference]
        do throws(SourceError) {
            references = try await services.repo.references(repoURL: url)
        } catch {
            throw APIError.invalid("repository \(url) cannot be read: \(error.message)")
        }
        let branches = references.compactMap { $0.name.hasPrefix("refs/heads/") ? JSONValue.string(String($0.name.dropFirst(11))) : nil }
        let tags = references.compactMap { $0.name.hasPrefix("refs/tags/") && !$0.name.hasSuffix("^{}") ? JSONValue.string(String($0.name.dropFirst(10))) : nil }
        return .json(["branches": .array(branches), "tags": .array(tags)])
    }

    private func validate(_ request: APIRequest) async throws -> APIResponse {
        var body = try request.jsonBody()
        body["repo"] = .string(request.parameter("repo"))
        let repository = RepositorySecret(kind: "repository", body: body)
        if let problem = RepositorySecret.problem(with: repository.url) { throw APIError.invalid(problem) }
        try services.authorize(request.caller, "repositories", "create", repository.rbacObject)
        let state = await connectionState(of: repository, checkingWith: repository.credentials)
        guard state["status"] != "Failed" else { throw APIError.invalid("repository \(repository.url) cannot be read: \(state["message"]?.stringValue ?? "")") }
        return .json(.emptyObject)
    }
}
