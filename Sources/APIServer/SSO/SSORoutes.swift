import Crypto
import Foundation
import HTTPTypes
import KubeModel
import Projects

/// The browser half of SSO: `/auth/login` sends the user to the OpenID Connect provider
/// (authorization code flow with PKCE and a nonce, the state kept in a signed, short-lived cookie so
/// that any API server replica can finish the login), and `/auth/callback` exchanges the code,
/// verifies the ID token, and sets it as the session cookie.
struct SSORoutes {
    let services: APIServices
    let secure: Bool

    static let stateCookie = "argocd.oauthstate"
    /// How long a started login may take.
    static let loginLifetime = 300

    var routes: [APIRoute] {
        [
            APIRoute(.get, "/auth/login", access: .everyone, tag: "SSO", summary: "Start an SSO login (redirects to the OIDC provider)", query: ["return_url"]) {
                try await login($0)
            },
            APIRoute(.get, "/auth/callback", access: .everyone, tag: "SSO", summary: "Finish an SSO login (the OIDC provider redirects here)", query: ["code", "state", "error"]) {
                try await callback($0)
            },
        ]
    }

    private func configuration() throws(APIError) -> (OIDCConfiguration, SymmetricKey) {
        let settings = services.settings.current
        guard let oidc = settings.oidc else { throw APIError.invalid("SSO is not configured: set oidc.config (issuer, clientID) in argocd-cm") }
        guard let key = settings.signingKey else { throw APIError(.serviceUnavailable, "the server has no signing key yet; try again") }
        return (oidc, key)
    }

    /// `<url>/auth/callback`, from `url` in argocd-cm or the address the browser used.
    private func redirectURI(_ request: APIRequest) -> String {
        if let url = services.settings.current.url, !url.isEmpty { return (url.hasSuffix("/") ? String(url.dropLast()) : url) + "/auth/callback" }
        let host = request.authority ?? "localhost"
        return "\(secure ? "https" : "http")://\(host)/auth/callback"
    }

    private static func random(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return SignedToken.base64URL((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    private func login(_ request: APIRequest) async throws -> APIResponse {
        let (oidc, key) = try configuration()
        let endpoints = try await services.sessions.oidc.endpoints(issuer: oidc.issuer)
        let state = Self.random(16)
        let verifier = Self.random(32)
        let nonce = Self.random(16)
        let challenge = SignedToken.base64URL(Array(SHA256.hash(data: Array(verifier.utf8))))
        var returnURL = request.queryValue("return_url") ?? "/applications"
        // Only paths on this server: an open redirect would hand the session to anyone's page.
        if !returnURL.hasPrefix("/") || returnURL.hasPrefix("//") { returnURL = "/applications" }
        let expiry = Int(Date().timeIntervalSince1970) + Self.loginLifetime
        let cookieValue = SignedToken.sign(
            ["state": .string(state), "verifier": .string(verifier), "nonce": .string(nonce), "return": .string(returnURL), "exp": .int(expiry)], key: key)
        var authorize = URLComponents(string: endpoints.authorization)
        let existing = authorize?.queryItems ?? []
        authorize?.queryItems = existing + [
            URLQueryItem(name: "response_type", value: "code"), URLQueryItem(name: "client_id", value: oidc.clientID),
            URLQueryItem(name: "redirect_uri", value: redirectURI(request)), URLQueryItem(name: "scope", value: (["openid"] + oidc.requestedScopes.filter { $0 != "openid" }).joined(separator: " ")),
            URLQueryItem(name: "state", value: state), URLQueryItem(name: "nonce", value: nonce),
            URLQueryItem(name: "code_challenge", value: challenge), URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        guard let location = authorize?.url?.absoluteString else { throw APIError(.badGateway, "the OIDC provider's authorization endpoint is not a URL") }
        return .redirect(location, cookies: [cookie(Self.stateCookie, cookieValue, maxAge: Self.loginLifetime)])
    }

    private func callback(_ request: APIRequest) async throws -> APIResponse {
        let (oidc, key) = try configuration()
        if let error = request.queryValue("error") { throw APIError.unauthenticated("the OIDC provider refused the login: \(error)") }
        guard let code = request.queryValue("code"), let state = request.queryValue("state") else {
            throw APIError.invalid("code and state are required: this URL is where the OIDC provider sends the browser back")
        }
        let stored = Self.cookie(Self.stateCookie, in: request.headers).flatMap { try? SignedToken.claims(of: $0, key: key) }
        guard let stored, stored["state"]?.stringValue == state, let verifier = stored["verifier"]?.stringValue,
            let expiry = stored["exp"]?.int64Value, Double(expiry) > Date().timeIntervalSince1970
        else { throw APIError.unauthenticated("the login's state does not match or has expired: start again at /auth/login") }
        let idToken = try await services.sessions.oidc.exchange(code: code, verifier: verifier, redirectURI: redirectURI(request), configuration: oidc)
        _ = try await services.sessions.oidc.verify(idToken, configuration: oidc, nonce: stored["nonce"]?.stringValue)
        return .redirect(
            stored["return"]?.stringValue ?? "/applications",
            cookies: [cookie(SessionRoutes.cookieName, idToken, maxAge: nil), cookie(Self.stateCookie, "", maxAge: 0)])
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int?) -> String {
        var parts = ["\(name)=\(value)", "Path=/", "HttpOnly", "SameSite=Lax"]
        if secure { parts.append("Secure") }
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        return parts.joined(separator: "; ")
    }

    static func cookie(_ name: String, in headers: HTTPFields) -> String? {
        for cookies in headers[values: .cookie] {
            for cookie in cookies.split(separator: ";") {
                let pair = cookie.trimmingCharacters(in: .whitespaces)
                if pair.hasPrefix("\(name)=") { return String(pair.dropFirst(name.count + 1)) }
            }
        }
        return nil
    }
}
