import RBAC
import Testing

@Suite struct RBACPolicyTests {
    @Test("policy.csv and every policy.<name>.csv key apply, in key order")
    func overlayKeysCombine() {
        let data = [
            "policy.csv": "p, role:deployer, applications, sync, */*, allow",
            "policy.zz.csv": "g, carol, role:deployer",
            "policy.overlay.csv": "g, bob, role:deployer",
            "policy.default": "",
        ]
        #expect(RBACPolicy.policyKeys(in: data) == ["policy.csv", "policy.overlay.csv", "policy.zz.csv"])
        let policy = RBACPolicy(configMapData: data)
        #expect(policy.roleAssignments.map(\.member) == ["bob", "carol"])
        let enforcer = RBACEnforcer(policy: policy)
        #expect(enforcer.enforce(subject: "bob", groups: [], resource: "applications", action: "sync", object: "default/web"))
        #expect(enforcer.enforce(subject: "carol", groups: [], resource: "applications", action: "sync", object: "default/web"))
    }

    @Test("malformed lines are reported with key, line number and reason, and the good lines still apply")
    func malformedLinesAreReported() {
        let data = [
            "policy.csv": """
            # team policies

            p, role:deployer, applications, sync, */*, allow
            p, role:deployer, applications
            g, alice, role:deployer
            """,
            "policy.extra.csv": "p, bob, applications, get, */*, maybe\nx, bob, role:deployer\ng, \"bob, role:deployer",
        ]
        let problems = RBACPolicy.validate(configMapData: data)
        #expect(problems.map(\.key) == ["policy.csv", "policy.extra.csv", "policy.extra.csv", "policy.extra.csv"])
        #expect(problems.map(\.line) == [4, 1, 2, 3])
        #expect(problems[0].description.contains("policy.csv line 4"))
        #expect(problems[0].description.contains("3 fields"))
        #expect(problems[1].description.contains("maybe"))
        #expect(problems[3].description.contains("closing quote"))
        let enforcer = RBACEnforcer(policy: RBACPolicy(configMapData: data))
        #expect(enforcer.enforce(subject: "alice", groups: [], resource: "applications", action: "sync", object: "default/web"))
        #expect(!enforcer.enforce(subject: "bob", groups: [], resource: "applications", action: "get", object: "default/web"))
    }

    @Test("quoted fields may hold commas and quotes, and whitespace around fields is dropped")
    func quotedFields() {
        let policy = RBACPolicy(configMapData: [
            "policy.csv": #"  p ,  "my-org:team, inc." , applications,get , "default/say ""hi""" , deny  "#,
        ])
        #expect(policy.problems.isEmpty)
        #expect(policy.rules == [PolicyRule(subject: "my-org:team, inc.", resource: "applications", action: "get", object: #"default/say "hi""#, allows: false)])
    }

    @Test("a p line without an effect allows")
    func effectDefaultsToAllow() {
        #expect(PolicyRule(line: "p, alice, applications, get, default/*")?.allows == true)
        #expect(PolicyRule(line: "g, alice, role:admin") == nil)
    }

    @Test("scopes is a YAML list of claim names, groups unless set")
    func scopes() {
        #expect(RBACPolicy(configMapData: [:]).scopes == ["groups"])
        #expect(RBACPolicy(configMapData: ["scopes": "[groups, email]"]).scopes == ["groups", "email"])
        let broken = RBACPolicy(configMapData: ["scopes": "groups: email"])
        #expect(broken.scopes == ["groups"])
        #expect(broken.problems.map(\.key) == ["scopes"])
    }

    @Test("policy.default and policy.matchMode are read, an unknown match mode reported")
    func settings() {
        let policy = RBACPolicy(configMapData: ["policy.default": " role:readonly ", "policy.matchMode": "regex"])
        #expect(policy.defaultRole == "role:readonly")
        #expect(policy.matchMode == .regex)
        let unknown = RBACPolicy(configMapData: ["policy.matchMode": "prefix"])
        #expect(unknown.matchMode == .glob)
        #expect(unknown.problems.first?.description.contains("policy.matchMode") == true)
    }
}
