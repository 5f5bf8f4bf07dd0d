import HTTPTypes
import Foundation
import KubeModel

/// `/api/v1/account`: local accounts, their passwords and API tokens, and `can-i`.
struct AccountRoutes {
    let services: APIServices

    var routes: [APIRoute] {
        let tag = "AccountService"
        return [
            APIRoute(.get, "/api/v1/account", tag: tag, summary: "List local accounts") { try list($0) },
            APIRoute(.get, "/api/v1/account/can-i/{resource}/{action}/{subresource}", tag: tag, summary: "Whether the caller may do an action") { request in
                let allowed = services.settings.current.authorizer.allows(
                    request.caller, resource: request.parameter("resource"), action: request.parameter("action"), object: request.parameter("subresource"))
                return .json(["value": allowed ? "yes" : "no"])
            },
            APIRoute(.put, "/api/v1/account/password", tag: tag, summary: "Change a local account's password", body: true) { try await updatePassword($0) },
            APIRoute(.get, "/api/v1/account/{name}", tag: tag, summary: "Get a local account") { try get($0) },
            APIRoute(.post, "/api/v1/account/{name}/token", tag: tag, summary: "Generate an API token for an account", body: true) { try await createToken($0) },
            APIRoute(.delete, "/api/v1/account/{name}/token/{id}", tag: tag, summary: "Revoke an account's API token") { try await deleteToken($0) },
        ]
    }

    private func view(_ account: LocalAccount) -> JSONValue {
        [
            "name": .string(account.name), "enabled": .bool(account.enabled),
            "capabilities": .array(account.capabilities.map(\.rawValue).sorted().map(JSONValue.string)),
            "tokens": .array(account.tokens.map { ["id": .string($0.id), "issuedAt": .int(Int($0.issuedAt)), "expiresAt": .int(Int($0.expiresAt))] }),
        ]
    }

    private func list(_ request: APIRequest) throws -> APIResponse {
        let settings = services.settings.current
        let items = settings.accounts.values.sorted { $0.name < $1.name }
            .filter { settings.authorizer.allows(request.caller, resource: "accounts", action: "get", object: $0.name) }
        return .json(["items": .array(items.map(view))])
    }

    private func account(_ name: String) throws(APIError) -> LocalAccount {
        guard let account = services.settings.current.accounts[name] else { throw APIError.notFound("account '\(name)' does not exist") }
        return account
    }

    private func get(_ request: APIRequest) throws -> APIResponse {
        let name = request.parameter("name")
        if request.caller?.subject != name { try services.authorize(request.caller, "accounts", "get", name) }
        return .json(view(try account(name)))
    }

    private func updatePassword(_ request: APIRequest) async throws -> APIResponse {
        let caller = try request.requireCaller()
        let body = try request.jsonBody()
        let name = body["name"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? caller.subject
        let current = body["currentPassword"]?.stringValue ?? ""
        let new = body["newPassword"]?.stringValue ?? ""
        guard caller.kind == .session || caller.kind == .apiKey, let own = services.settings.current.accounts[caller.subject] else {
            throw APIError.forbidden("only local accounts can change passwords; \(caller.username) is not one")
        }
        if name != caller.subject { try services.authorize(caller, "accounts", "update", name) }
        let target = try account(name)
        // The caller proves who they are with their own current password, also when changing another account's.
        guard let hash = own.passwordHash, await Bcrypt.verifyOffPool(Array(current.utf8), hash: hash) else {
            throw APIError.unauthenticated("current password does not match")
        }
        guard new.count >= 8, new.utf8.count <= Bcrypt.maxPasswordBytes else {
            throw APIError.invalid("the new password must be 8 to \(Bcrypt.maxPasswordBytes) bytes long")
        }
        let newHash = try await Bcrypt.hashOffPool(Array(new.utf8))
        let prefix = target.secretPrefix
        // Second precision, as upstream: a session issued in the same second as the change stays valid.
        let changed = Date().formatted(.iso8601)
        try await SecretDataWriter.update(client: services.client, namespace: services.namespace, name: SettingsWatch.secretName) { _ in
            ["\(prefix).password": newHash, "\(prefix).passwordMtime": changed]
        }
        return .json(.emptyObject)
    }

    private func createToken(_ request: APIRequest) async throws -> APIResponse {
        let caller = try request.requireCaller()
        let name = request.parameter("name")
        if caller.subject != name { try services.authorize(caller, "accounts", "update", name) }
        let target = try account(name)
        guard target.capabilities.contains(.apiKey) else {
            throw APIError.invalid("account '\(name)' does not have 'apiKey' capability; add it in argocd-cm as accounts.\(name): apiKey")
        }
        let body = try request.jsonBody()
        let id = body["id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? UUID().uuidString.lowercased()
        if target.tokens.contains(where: { $0.id == id }) { throw APIError.conflict("account '\(name)' already has a token with id '\(id)'") }
        let seconds = body["expiresIn"]?.int64Value ?? Int64(body["expiresIn"]?.stringValue ?? "") ?? 0
        let issued = try services.sessions.issueAPIToken(account: name, id: id, expiresIn: seconds > 0 ? .seconds(seconds) : nil)
        let prefix = target.secretPrefix
        try await SecretDataWriter.update(client: services.client, namespace: services.namespace, name: SettingsWatch.secretName) { data throws(APIError) in
            var tokens = data["\(prefix).tokens"].flatMap { try? JSONParser.parse(bytes: Array($0.utf8)) }?.arrayValue ?? []
            tokens.append(issued.record.json)
            return ["\(prefix).tokens": JSONWriter.string(.array(tokens))]
        }
        return .json(["token": .string(issued.token)])
    }

    private func deleteToken(_ request: APIRequest) async throws -> APIResponse {
        let caller = try request.requireCaller()
        let name = request.parameter("name")
        let id = request.parameter("id")
        if caller.subject != name { try services.authorize(caller, "accounts", "update", name) }
        let prefix = try account(name).secretPrefix
        try await SecretDataWriter.update(client: services.client, namespace: services.namespace, name: SettingsWatch.secretName) { data throws(APIError) in
            let tokens = data["\(prefix).tokens"].flatMap { try? JSONParser.parse(bytes: Array($0.utf8)) }?.arrayValue ?? []
            let kept = tokens.filter { $0["id"]?.stringValue != id }
            guard kept.count < tokens.count else { throw APIError.notFound("account '\(name)' has no token with id '\(id)'") }
            return ["\(prefix).tokens": JSONWriter.string(.array(kept))]
        }
        return .json(.emptyObject)
    }
}
