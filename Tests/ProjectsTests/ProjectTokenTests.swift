import Crypto
import Foundation
import KubeModel
import Projects
import Testing

@Suite("Project role tokens")
struct ProjectTokenTests {
    private let key = SymmetricKey(size: .bits256)

    private func project(tokens: [ProjectTokenRecord]) throws -> AppProject {
        AppProject(object: try KubeObject([
            "apiVersion": "argoproj.io/v1alpha1", "kind": "AppProject", "metadata": ["name": "team-a"],
            "spec": [
                "roles": [[
                    "name": "deployer",
                    "policies": [
                        "p, proj:team-a:deployer, applications, sync, team-a/web-*, allow",
                        "p, proj:team-a:deployer, applications, sync, team-a/web-db, deny",
                        "p, proj:team-a:deployer, applications, get, team-b/*, allow",
                    ],
                    "jwtTokens": .array(tokens.map(\.json)),
                ]]
            ],
        ]))
    }

    @Test("a token issued for a role verifies while the role lists it, and its policies decide")
    func issueAndVerify() throws {
        let (token, record) = ProjectToken.issue(project: "team-a", role: "deployer", id: "ci", key: key)
        let team = try project(tokens: [record])
        let claims = try ProjectToken.verify(token, key: key) { $0 == "team-a" ? team : nil }
        #expect(claims.project == "team-a" && claims.role == "deployer" && claims.id == "ci")
        #expect(team.roleAllows("deployer", resource: "applications", action: "sync", object: "team-a/web-1"))
        #expect(!team.roleAllows("deployer", resource: "applications", action: "sync", object: "team-a/web-db"))
        #expect(!team.roleAllows("deployer", resource: "applications", action: "delete", object: "team-a/web-1"))
        // A role's policy about another project's objects is ignored.
        #expect(!team.roleAllows("deployer", resource: "applications", action: "get", object: "team-b/anything"))
    }

    @Test("revoked, expired, foreign and tampered tokens are refused without echoing the token")
    func refusals() throws {
        let (token, record) = ProjectToken.issue(project: "team-a", role: "deployer", key: key)
        let revoked = try project(tokens: [])
        #expect(throws: ProjectTokenError.self) { try ProjectToken.verify(token, key: key) { _ in revoked } }
        let listed = try project(tokens: [record])
        #expect(throws: ProjectTokenError.self) { try ProjectToken.verify(token, key: SymmetricKey(size: .bits256)) { _ in listed } }
        let (expiring, expiringRecord) = ProjectToken.issue(project: "team-a", role: "deployer", issuedAt: Date(timeIntervalSinceNow: -7200), expiresIn: .seconds(3600), key: key)
        do {
            _ = try ProjectToken.verify(expiring, key: key) { _ in try? project(tokens: [expiringRecord]) }
            Issue.record("an expired token was accepted")
        } catch {
            #expect(error.message.contains("expired"))
            #expect(!error.message.contains(expiring))
        }
        // Another role's claims under this token's signature.
        var parts = token.split(separator: ".").map(String.init)
        parts[1] = ProjectToken.issue(project: "team-a", role: "admin", key: key).token.split(separator: ".").map(String.init)[1]
        #expect(throws: ProjectTokenError.self) { try ProjectToken.verify(parts.joined(separator: "."), key: key) { _ in listed } }
    }
}
