import RBAC
import Testing

@Suite struct BuiltinPolicyTests {
    let enforcer = RBACEnforcer(policy: RBACPolicy())

    @Test("the admin user may do everything the built-in admin role covers, including fine-grained and resource actions")
    func adminMayDoEverything() {
        let requests: [(resource: String, action: String, object: String)] = [
            ("applications", "get", "default/guestbook"), ("applications", "create", "team-a/ns/app"),
            ("applications", "sync", "default/guestbook"), ("applications", "delete", "default/guestbook"),
            ("applications", "override", "default/guestbook"), ("applications", "rollback", "default/guestbook"),
            ("applications", "update/apps/Deployment/default/web", "default/guestbook"),
            ("applications", "delete/Pod/default/web-1", "default/guestbook"),
            ("applications", "action/apps/Deployment/restart", "default/guestbook"),
            ("applicationsets", "create", "default/set"), ("clusters", "delete", "https://kubernetes.default.svc"),
            ("repositories", "update", "https://github.com/org/repo"), ("projects", "create", "team-a"),
            ("accounts", "update", "alice"), ("gpgkeys", "create", "ABCDEF"), ("certificates", "delete", "git.example.com"),
            ("exec", "create", "default/guestbook"), ("logs", "get", "default/guestbook"),
        ]
        for request in requests {
            #expect(enforcer.enforce(subject: "admin", groups: [], resource: request.resource, action: request.action, object: request.object), "\(request)")
        }
    }

    @Test("role:readonly may get every kind of object but not change anything")
    func readonlyMayOnlyRead() {
        let readonly = RBACEnforcer(policy: RBACPolicy(roleAssignments: [RoleAssignment(member: "viewer", role: "role:readonly")]))
        for (resource, object) in [("applications", "default/guestbook"), ("projects", "default"), ("clusters", "in-cluster"), ("logs", "default/guestbook")] {
            #expect(readonly.enforce(subject: "viewer", groups: [], resource: resource, action: "get", object: object))
        }
        #expect(!readonly.enforce(subject: "viewer", groups: [], resource: "applications", action: "sync", object: "default/guestbook"))
        #expect(!readonly.enforce(subject: "viewer", groups: [], resource: "applications", action: "delete", object: "default/guestbook"))
        #expect(!readonly.enforce(subject: "viewer", groups: [], resource: "exec", action: "create", object: "default/guestbook"))
    }

    @Test("a user without rules or a default role may do nothing")
    func strangerMayDoNothing() {
        #expect(!enforcer.enforce(subject: "mallory", groups: ["devs"], resource: "applications", action: "get", object: "default/guestbook"))
    }
}
