import RBAC
import Testing

@Suite struct RBACEnforcerTests {
    private func enforcer(_ csv: String, defaultRole: String? = nil) -> RBACEnforcer {
        var data = ["policy.csv": csv]
        data["policy.default"] = defaultRole
        let policy = RBACPolicy(configMapData: data)
        #expect(policy.problems.isEmpty)
        return RBACEnforcer(policy: policy)
    }

    @Test("policy.default: role:readonly lets any authenticated caller read, not write")
    func defaultRoleGivesReadAccess() {
        let enforcer = enforcer("", defaultRole: "role:readonly")
        #expect(enforcer.enforce(subject: "someone@example.com", groups: [], resource: "applications", action: "get", object: "default/guestbook"))
        #expect(!enforcer.enforce(subject: "someone@example.com", groups: [], resource: "applications", action: "sync", object: "default/guestbook"))
    }

    @Test("a deny beats an allow the same subject holds, even through an inherited role")
    func denyBeatsInheritedAllow() {
        let enforcer = enforcer("""
            p, role:deployer, applications, *, */*, allow
            g, role:prod-deployer, role:deployer
            p, role:prod-deployer, applications, delete, prod/*, deny
            g, dana, role:prod-deployer
            """)
        #expect(enforcer.enforce(subject: "dana", groups: [], resource: "applications", action: "delete", object: "staging/web"))
        #expect(!enforcer.enforce(subject: "dana", groups: [], resource: "applications", action: "delete", object: "prod/web"))
        #expect(enforcer.enforce(subject: "dana", groups: [], resource: "applications", action: "sync", object: "prod/web"))
    }

    @Test("the default role cannot be taken away by a deny, as upstream documents")
    func defaultRoleIsNotDenied() {
        let enforcer = enforcer("p, eve, applications, get, */*, deny", defaultRole: "role:readonly")
        #expect(enforcer.enforce(subject: "eve", groups: [], resource: "applications", action: "get", object: "default/web"))
    }

    @Test("SSO groups passed in gain the roles g lines assign them; a group no g line names counts for nothing")
    func groupsMapToRoles() {
        let enforcer = enforcer("""
            p, role:syncer, applications, sync, team-a/*, allow
            g, my-org:team-a, role:syncer
            p, my-org:unmapped, applications, sync, */*, allow
            """)
        #expect(enforcer.enforce(subject: "alice", groups: ["other", "my-org:team-a"], resource: "applications", action: "sync", object: "team-a/web"))
        #expect(!enforcer.enforce(subject: "alice", groups: ["my-org:team-a"], resource: "applications", action: "sync", object: "team-b/web"))
        #expect(!enforcer.enforce(subject: "alice", groups: [], resource: "applications", action: "sync", object: "team-a/web"))
        #expect(!enforcer.enforce(subject: "alice", groups: ["my-org:unmapped"], resource: "applications", action: "sync", object: "team-b/web"))
    }

    @Test("each of the user and its groups is judged on its own: one group's deny does not cancel another's allow")
    func subjectsAreJudgedSeparately() {
        let enforcer = enforcer("""
            p, role:ops, applications, delete, */*, allow
            p, role:contractor, applications, delete, */*, deny
            g, ops, role:ops
            g, contractors, role:contractor
            """)
        #expect(enforcer.enforce(subject: "carl", groups: ["contractors", "ops"], resource: "applications", action: "delete", object: "default/web"))
        #expect(!enforcer.enforce(subject: "carl", groups: ["contractors"], resource: "applications", action: "delete", object: "default/web"))
    }

    @Test("roles inherit transitively, and a cycle of roles ends")
    func transitiveRoles() {
        let enforcer = enforcer("""
            p, role:base, clusters, get, *, allow
            g, role:middle, role:base
            g, role:top, role:middle
            g, role:base, role:top
            g, tom, role:top
            """)
        #expect(enforcer.enforce(subject: "tom", groups: [], resource: "clusters", action: "get", object: "in-cluster"))
        #expect(!enforcer.enforce(subject: "tom", groups: [], resource: "clusters", action: "delete", object: "in-cluster"))
    }

    @Test("application objects match project/app and project/namespace/app globs; * spans /")
    func applicationObjects() {
        let enforcer = enforcer("""
            p, alice, applications, get, team-a/*, allow
            p, alice, applications, sync, team-a/prod/*, allow
            p, alice, applications, update/*/Deployment/*, team-a/*, allow
            p, alice, app*, create, "team-?/{web,api}", allow
            """)
        #expect(enforcer.enforce(subject: "alice", groups: [], resource: "applications", action: "get", object: "team-a/guestbook"))
        #expect(enforcer.enforce(subject: "alice", groups: [], resource: "applications", action: "get", object: "team-a/ns/guestbook"))
        #expect(!enforcer.enforce(subject: "alice", groups: [], resource: "applications", action: "get", object: "team-ab/guestbook"))
        #expect(enforcer.enforce(subject: "alice", groups: [], resource: "applications", action: "sync", object: "team-a/prod/web"))
        #expect(!enforcer.enforce(subject: "alice", groups: [], resource: "applications", action: "sync", object: "team-a/web"))
        #expect(enforcer.enforce(subject: "alice", groups: [], resource: "applications", action: "update/apps/Deployment/default/web", object: "team-a/web"))
        #expect(!enforcer.enforce(subject: "alice", groups: [], resource: "applications", action: "update/Service/default/web", object: "team-a/web"))
        #expect(enforcer.enforce(subject: "alice", groups: [], resource: "applicationsets", action: "create", object: "team-b/api"))
        #expect(!enforcer.enforce(subject: "alice", groups: [], resource: "applicationsets", action: "create", object: "team-b/db"))
    }

    @Test("many concurrent requests share one enforcer and get the same answers")
    func concurrentRequests() async {
        let enforcer = enforcer("p, role:team-a, applications, get, team-a/*, allow\ng, team-a, role:team-a")
        let allowed = await withTaskGroup(of: Int.self) { group in
            for client in 0..<8 {
                group.addTask {
                    (0..<500).count { enforcer.enforce(subject: "user\(client)", groups: ["team-a"], resource: "applications", action: "get", object: "team-\($0 % 2 == 0 ? "a" : "b")/app\($0)") }
                }
            }
            return await group.reduce(0, +)
        }
        #expect(allowed == 8 * 250)
    }
}
