import RBAC
import Testing

@Suite struct RegexModeTests {
    @Test("in regex mode patterns are regular expressions that match anywhere unless anchored")
    func regexPatterns() {
        let policy = RBACPolicy(configMapData: [
            "policy.matchMode": "regex",
            "policy.csv": """
            p, alice, applications, (get|sync), ^team-(a|b)/.*$, allow
            p, alice, clusters, get, prod, allow
            """,
        ])
        #expect(policy.problems.isEmpty)
        let enforcer = RBACEnforcer(policy: policy)
        #expect(enforcer.enforce(subject: "alice", groups: [], resource: "applications", action: "sync", object: "team-b/web"))
        #expect(!enforcer.enforce(subject: "alice", groups: [], resource: "applications", action: "sync", object: "team-c/web"))
        #expect(!enforcer.enforce(subject: "alice", groups: [], resource: "applications", action: "delete", object: "team-a/web"))
        #expect(enforcer.enforce(subject: "alice", groups: [], resource: "clusters", action: "get", object: "https://prod.example.com"))
    }

    @Test("an invalid regular expression is reported and its line ignored")
    func invalidRegex() {
        let problems = RBACPolicy.validate(configMapData: ["policy.matchMode": "regex", "policy.csv": "p, alice, applications, get, team-a/(, allow"])
        #expect(problems.map(\.line) == [1])
        #expect(problems.first?.description.contains("regular expression") == true)
    }
}
