import ClusterTestSupport
import Foundation
import NIOHTTP1
import KubeModel
import Testing

/// Logging in to the API server as a user does: the initial admin password, sessions, lockout,
/// password changes and API tokens.
@Suite struct SessionTests {
    @Test func adminLogsInWithTheGeneratedInitialPasswordAndNothingIsReadableWithoutIt() async throws {
        try await APITestServer.with { server in
            let anonymous = try await server.call(.GET, "/api/v1/applications")
            #expect(anonymous.status == 401)
            #expect(anonymous.json["code"] == 16)

            let wrong = try await server.call(.POST, "/api/v1/session", body: ["username": "admin", "password": "not-it"])
            #expect(wrong.status == 401)
            #expect(wrong.json["message"] == "Invalid username or password")

            let password = try await server.initialAdminPassword()
            #expect(password.count == 16)
            let answer = try await server.call(.POST, "/api/v1/session", body: ["username": "admin", "password": .string(password)])
            #expect(answer.status == 200)
            let token = try #require(answer.json["token"]?.stringValue)
            let cookie = answer.headers["Set-Cookie"].first ?? ""
            #expect(cookie.hasPrefix("argocd.token=\(token)"))
            for attribute in ["HttpOnly", "Secure", "SameSite=Lax"] { #expect(cookie.contains(attribute), "\(cookie)") }

            let info = try await server.call(.GET, "/api/v1/session/userinfo", token: token)
            #expect(info.json["loggedIn"] == true && info.json["username"] == "admin")
            // The cookie alone is a session too, as the UI uses it.
            let viaCookie = try await server.call(.GET, "/api/v1/applications", headers: [("Cookie", "other=1; argocd.token=\(token)")])
            #expect(viaCookie.status == 200)
            let forged = try await server.call(.GET, "/api/v1/applications", token: String(token.dropLast(3)) + "AAA")
            #expect(forged.status == 401)
        }
    }

    @Test func repeatedWrongPasswordsLockTheAccountEvenForTheRightPassword() async throws {
        // A window long enough for three refused logins on a busy machine (bcrypt runs one hash at a time, for every suite).
        let environment = ["ARGOCD_SESSION_FAILURE_MAX_FAIL_COUNT": "3", "ARGOCD_SESSION_FAILURE_WINDOW_SECONDS": "60"]
        try await APITestServer.with(environment: environment) { server in
            let password = try await server.initialAdminPassword()
            for _ in 0..<3 {
                let wrong = try await server.call(.POST, "/api/v1/session", body: ["username": "admin", "password": "guess"])
                #expect(wrong.status == 401)
            }
            let locked = try await server.call(.POST, "/api/v1/session", body: ["username": "admin", "password": .string(password)])
            #expect(locked.status == 401)
            #expect(locked.json["message"]?.stringValue?.contains("too many failed login attempts") == true, "\(locked.text)")
            #expect(locked.json["token"] == nil)
            // Names that do not exist are locked the same way, so the answer tells nothing about which accounts exist.
            for _ in 0..<3 { _ = try await server.call(.POST, "/api/v1/session", body: ["username": "nobody", "password": "guess"]) }
            let ghost = try await server.call(.POST, "/api/v1/session", body: ["username": "nobody", "password": "guess"])
            #expect(ghost.json["message"]?.stringValue?.contains("too many failed login attempts") == true)
            // After the window the right password works again.
            try await Task.sleep(for: .seconds(61))
            _ = try await server.login("admin", password)
        }
    }

    @Test func changingThePasswordEndsOlderSessionsAndApiTokensFollowTheirRecords() async throws {
        let configMaps = ["argocd-cm": ["accounts.ci": "apiKey, login"], "argocd-rbac-cm": ["policy.csv": "g, ci, role:readonly"]]
        try await APITestServer.with(configMaps: configMaps) { server in
            let password = try await server.initialAdminPassword()
            let old = try await server.login("admin", password)
            // Sessions are counted in whole seconds: the change must come in a later second.
            try await Task.sleep(for: .seconds(1.1))
            let change = try await server.call(
                .PUT, "/api/v1/account/password", token: old, body: ["currentPassword": .string(password), "newPassword": "a-new-password"])
            #expect(change.status == 200, "\(change.text)")
            try await eventually("the old session is refused", timeout: .seconds(30)) { try await server.call(.GET, "/api/v1/applications", token: old).status == 401 }
            let fresh = try await server.login("admin", "a-new-password")
            #expect(try await server.call(.GET, "/api/v1/applications", token: fresh).status == 200)

            let generated = try await server.call(.POST, "/api/v1/account/ci/token", token: fresh, body: ["id": "pipeline"])
            #expect(generated.status == 200, "\(generated.text)")
            let apiToken = try #require(generated.json["token"]?.stringValue)
            try await eventually("the API token is accepted", timeout: .seconds(30)) { try await server.call(.GET, "/api/v1/applications", token: apiToken).status == 200 }
            let info = try await server.call(.GET, "/api/v1/session/userinfo", token: apiToken)
            #expect(info.json["username"] == "ci")
            // An account without apiKey cannot hold tokens.
            let refused = try await server.call(.POST, "/api/v1/account/admin/token", token: fresh, body: .emptyObject)
            #expect(refused.status == 400 && refused.text.contains("apiKey"), "\(refused.text)")

            #expect(try await server.call(.DELETE, "/api/v1/account/ci/token/pipeline", token: fresh).status == 200)
            try await eventually("the revoked API token is refused", timeout: .seconds(30)) { try await server.call(.GET, "/api/v1/applications", token: apiToken).status == 401 }
            // The secret side never comes back out.
            let accounts = try await server.call(.GET, "/api/v1/account", token: fresh)
            #expect(!accounts.text.contains("$2a$") && !accounts.text.contains("password"), "\(accounts.text)")
        }
    }
}
