import ClusterTestSupport
import Foundation
import KubeModel
import NIOHTTP1
import Testing

/// SSO with OpenID Connect against a provider on loopback: the browser's authorization-code flow
/// with PKCE ends in a session whose groups RBAC maps to roles, and only the provider's current,
/// well-addressed ID tokens are accepted.
@Suite struct SSOTests {
    static let admin = TestOIDCProvider.User(subject: "u-1", email: "ada@example.com", groups: ["platform-admins"])
    static let viewer = TestOIDCProvider.User(subject: "u-2", email: "vic@example.com", groups: ["everyone"])

    static func settings(_ provider: TestOIDCProvider) -> [String: [String: String]] {
        [
            "argocd-cm": ["oidc.config": "name: TestIdP\nissuer: \(provider.issuer)\nclientID: \(provider.clientID)\nclientSecret: \(provider.clientSecret)\nrequestedScopes: [openid, email, groups]\n"],
            "argocd-rbac-cm": ["policy.csv": "g, platform-admins, role:admin\ng, everyone, role:readonly\n"],
        ]
    }

    /// The value of cookie `name` set by `answer`.
    static func cookie(_ name: String, in answer: APITestServer.Answer) -> String? {
        answer.headers["Set-Cookie"].first { $0.hasPrefix("\(name)=") }.map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
    }

    @Test func aBrowserLoginGivesASessionWithTheUsersGroups() async throws {
        try await TestOIDCProvider.with(user: Self.admin) { provider in
            try await APITestServer.with(configMaps: Self.settings(provider)) { server in
                try await eventually("SSO is offered", timeout: .seconds(30)) {
                    try await server.call(.GET, "/api/v1/settings").json[path: ["oidcConfig", "issuer"]]?.stringValue == provider.issuer
                }
                let start = try await server.call(.GET, "/auth/login?return_url=%2Fapplications%2Fguestbook")
                #expect(start.status == 303)
                let authorize = try #require(start.headers["Location"].first)
                #expect(authorize.hasPrefix(provider.issuer + "/authorize?") && authorize.contains("code_challenge_method=S256"), "\(authorize)")
                let state = try #require(Self.cookie("argocd.oauthstate", in: start))

                let approved = try await server.call(.GET, authorize)
                let callback = try #require(approved.headers["Location"].first)
                #expect(callback.hasPrefix(server.baseURL + "/auth/callback?"), "\(callback)")
                // Without the state cookie the callback is refused (a forged or replayed redirect).
                let forged = try await server.call(.GET, callback)
                #expect(forged.status == 401)
                let finished = try await server.call(.GET, callback, headers: [("Cookie", "argocd.oauthstate=\(state)")])
                #expect(finished.status == 303 && finished.headers["Location"].first == "/applications/guestbook", "\(finished.status) \(finished.text)")
                let session = try #require(Self.cookie("argocd.token", in: finished))

                let info = try await server.call(.GET, "/api/v1/session/userinfo", headers: [("Cookie", "argocd.token=\(session)")])
                #expect(info.json["loggedIn"] == true && info.json["username"] == "ada@example.com" && info.json["iss"] == .string(provider.issuer))
                #expect(info.json["groups"]?.arrayValue?.contains("platform-admins") == true)
                let canSync = try await server.call(.GET, "/api/v1/account/can-i/applications/sync/default%2Fany", token: session)
                #expect(canSync.json["value"] == "yes")
            }
        }
    }

    @Test func onlyCurrentTokensOfTheProviderForThisClientAreAccepted() async throws {
        try await TestOIDCProvider.with(user: Self.viewer) { provider in
            try await APITestServer.with(configMaps: Self.settings(provider)) { server in
                try await server.createApplication("guestbook")
                let viewer = try provider.idToken(for: Self.viewer)
                try await eventually("the viewer is recognised", timeout: .seconds(30)) {
                    try await server.call(.GET, "/api/v1/applications", token: viewer).status == 200
                }
                // Group mapped to read-only: reads, cannot sync.
                #expect(try await server.call(.GET, "/api/v1/applications/guestbook", token: viewer).status == 200)
                #expect(try await server.call(.POST, "/api/v1/applications/guestbook/sync", token: viewer, body: .emptyObject).status == 403)
                for (what, token) in [
                    ("expired", try provider.idToken(for: Self.viewer, lifetime: -60)),
                    ("another audience", try provider.idToken(for: Self.viewer, audience: "someone-else")),
                    ("another key", try provider.idToken(for: Self.admin, signedByAnotherKey: true)),
                ] {
                    #expect(try await server.call(.GET, "/api/v1/applications", token: token).status == 401, "a token with \(what) was accepted")
                }
            }
        }
    }
}
