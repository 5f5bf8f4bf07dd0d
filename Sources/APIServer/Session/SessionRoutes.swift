import Foundation
import HTTPTypes
import KubeModel
import Logging

/// `/api/v1/session`: log in (a JWT, also set as the `argocd.token` cookie), log out, and who am I.
struct SessionRoutes {
    let services: APIServices
    /// Whether the server speaks TLS, so that the cookie is marked `Secure`.
    let secure: Bool
    let metrics: APIMetrics

    static let cookieName = "argocd.token"

    var routes: [APIRoute] {
        let tag = "SessionService"
        return [
            APIRoute(.post, "/api/v1/session", access: .everyone, tag: tag, summary: "Log in with a local account; returns a session token", body: true) { try await create($0) },
            APIRoute(.delete, "/api/v1/session", access: .everyone, tag: tag, summary: "Log out (clears the session cookie)") { _ in
                .json(.emptyObject, headers: [.setCookie: cookie(value: "", maxAge: 0)])
            },
            APIRoute(.get, "/api/v1/session/userinfo", access: .everyone, tag: tag, summary: "Who the caller is") { userInfo($0) },
        ]
    }

    private func create(_ request: APIRequest) async throws -> APIResponse {
        let body = try request.jsonBody()
        if let token = body["token"]?.stringValue, !token.isEmpty {
            // Upstream accepts an existing token here (SSO logins hand theirs back this way).
            _ = try await services.sessions.authenticate(token)
            return .json(["token": .string(token)], headers: [.setCookie: cookie(value: token, maxAge: nil)])
        }
        let username = body["username"]?.stringValue ?? ""
        let password = body["password"]?.stringValue ?? ""
        do throws(APIError) {
            let token = try await services.sessions.login(username: username, password: password)
            metrics.countLogin(status: "success")
            return .json(["token": .string(token)], headers: [.setCookie: cookie(value: token, maxAge: nil)])
        } catch {
            metrics.countLogin(status: "failure")
            services.logger.warning("login failed", metadata: ["username": .string(username), "reason": .string(error.message)])
            throw error
        }
    }

    private func userInfo(_ request: APIRequest) -> APIResponse {
        guard let caller = request.caller, caller.kind != .anonymous else { return .json(["loggedIn": false]) }
        return .json([
            "loggedIn": true, "username": .string(caller.username), "iss": .string(caller.issuer),
            "groups": .array(caller.groups.map(JSONValue.string)),
        ])
    }

    private func cookie(value: String, maxAge: Int?) -> String {
        var parts = ["\(Self.cookieName)=\(value)", "Path=/", "HttpOnly", "SameSite=Lax"]
        if secure { parts.append("Secure") }
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        return parts.joined(separator: "; ")
    }
}
