import RBAC
import Testing

@Suite struct ProjectRoleTests {
    let enforcer = RBACEnforcer(
        policy: RBACPolicy(configMapData: ["policy.csv": "p, role:auditor, projects, get, *, deny\ng, auditors, role:auditor"]),
        projects: [
            RBACProject(name: "team-a", roles: [
                RBACProjectRole(
                    name: "deployer",
                    policies: [
                        "p, proj:team-a:deployer, applications, sync, team-a/*, allow",
                        "p, proj:team-a:deployer, applications, sync, team-a/db, deny",
                        "p, proj:team-a:deployer, applications, delete, team-b/*, allow",
                        "p, mallory, applications, delete, team-a/*, allow",
                    ],
                    groups: ["my-org:team-a"]
                )
            ]),
            RBACProject(name: "team-b", roles: []),
        ]
    )

    @Test("a project role's group members may do what its rules allow within the project")
    func groupsHoldProjectRoles() {
        #expect(enforcer.enforce(subject: "alice", groups: ["my-org:team-a"], resource: "applications", action: "sync", object: "team-a/web"))
        #expect(!enforcer.enforce(subject: "alice", groups: ["my-org:team-a"], resource: "applications", action: "sync", object: "team-a/db"))
        #expect(!enforcer.enforce(subject: "alice", groups: [], resource: "applications", action: "sync", object: "team-a/web"))
    }

    @Test("a project role's rules about other projects, or naming another subject, count for nothing")
    func rulesStayInTheirProject() {
        #expect(!enforcer.enforce(subject: "alice", groups: ["my-org:team-a"], resource: "applications", action: "delete", object: "team-b/web"))
        #expect(!enforcer.enforce(subject: "proj:team-a:deployer", groups: [], resource: "applications", action: "delete", object: "team-b/web"))
        #expect(!enforcer.enforce(subject: "mallory", groups: [], resource: "applications", action: "delete", object: "team-a/web"))
    }

    @Test("a project token's subject may use its role in its own project, and may get the project")
    func projectTokens() {
        #expect(enforcer.enforce(subject: "proj:team-a:deployer", groups: [], resource: "applications", action: "sync", object: "team-a/web"))
        #expect(enforcer.enforce(subject: "proj:team-a:deployer", groups: [], resource: "projects", action: "get", object: "team-a"))
        #expect(!enforcer.enforce(subject: "proj:team-a:deployer", groups: [], resource: "projects", action: "get", object: "team-b"))
        #expect(enforcer.enforce(subject: "bob", groups: ["my-org:team-a"], resource: "projects", action: "get", object: "team-a"))
    }

    @Test("the global policy's denials still hold for project roles' holders")
    func globalDenialsApply() {
        #expect(!enforcer.enforce(subject: "proj:team-a:deployer", groups: [], resource: "projects", action: "update", object: "team-a"))
        #expect(!enforcer.enforce(subject: "carol", groups: ["auditors"], resource: "projects", action: "get", object: "team-a"))
    }
}
