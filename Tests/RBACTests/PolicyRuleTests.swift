import RBAC
import Testing

@Suite struct PolicyRuleTests {
    @Test func readsAPolicyLineAndMatchesItsObjectAsAGlob() throws {
        let rule = try #require(PolicyRule(line: "p, proj:team-a:deployer, applications, sync, team-a/*, allow"))
        #expect(rule.subject == "proj:team-a:deployer")
        #expect(rule.covers(resource: "applications", action: "sync", object: "team-a/guestbook"))
        #expect(!rule.covers(resource: "applications", action: "sync", object: "team-b/guestbook"))
    }
}
