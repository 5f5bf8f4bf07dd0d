import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import NIOHTTP1
import Testing

/// Every route of the API against four callers — admin, a read-only user, a project role token
/// and nobody — with the answer the policy says, and list endpoints filtered to what each may see.
@Suite struct RBACMatrixTests {
    /// What a caller must get.
    enum Expect: CustomStringConvertible {
        /// Not refused: neither 401 nor 403 (nor a server error).
        case allowed
        /// 403.
        case denied
        /// 401.
        case unauthenticated

        func accepts(_ status: Int) -> Bool {
            switch self {
            case .allowed: status != 401 && status != 403 && status < 500
            case .denied: status == 403
            case .unauthenticated: status == 401
            }
        }

        var description: String {
            switch self {
            case .allowed: "allowed"
            case .denied: "403"
            case .unauthenticated: "401"
            }
        }
    }

    struct Case {
        let method: HTTPMethod
        let template: String
        let path: String
        var body: JSONValue?
        /// admin, read-only, project role, anonymous.
        let expect: [Expect]
        /// A Server-Sent Events stream: only its status is read.
        var streams = false
    }

    static let resourcePath = "/api/v1/applications/a1/resource?namespace=a1&version=v1&group=&kind=ConfigMap&resourceName=cm-a1"

    static let policy = """
        g, alice, role:readonly
        """

    static let project: JSONValue = [
        "metadata": ["name": "team-a"],
        "spec": [
            "sourceRepos": ["*"], "destinations": [["server": "*", "namespace": "*"]],
            "roles": [["name": "deployer", "policies": ["p, proj:team-a:deployer, applications, get, team-a/*, allow", "p, proj:team-a:deployer, applications, sync, team-a/*, allow"]]],
        ],
    ]

    static let applicationSet: JSONValue = [
        "metadata": ["name": "set1"],
        "spec": [
            "generators": [["list": ["elements": [["env": "dev"]]]]],
            "template": [
                "metadata": ["name": "set1-{{env}}"],
                "spec": ["project": "default", "source": ["repoURL": "https://git.example/apps.git", "path": "{{env}}"], "destination": ["server": "https://kubernetes.default.svc", "namespace": "{{env}}"]],
            ],
        ],
    ]

    @Test func everyRouteAnswersEachCallerAsThePolicySays() async throws {
        let configMaps = ["argocd-cm": ["accounts.alice": "login"], "argocd-rbac-cm": ["policy.csv": Self.policy]]
        try await APITestServer.with(configMaps: configMaps) { server in
            let admin = try await server.login("admin", try await server.initialAdminPassword())
            try await server.setPassword("alice", "alice-password")
            try await eventually("alice can log in", timeout: .seconds(30)) {
                try await server.call(.POST, "/api/v1/session", body: ["username": "alice", "password": "alice-password"]).status == 200
            }
            let alice = try await server.login("alice", "alice-password")
            let created = try await server.call(.POST, "/api/v1/projects", token: admin, body: ["project": Self.project])
            #expect(created.status == 200, "\(created.text)")
            let issued = try await server.call(.POST, "/api/v1/projects/team-a/roles/deployer/token", token: admin, body: ["id": "ci"])
            let deployer = try #require(issued.json["token"]?.stringValue, "\(issued.text)")
            var repository = KubeObject(apiVersion: "v1", kind: "Secret", name: "repo-apps", namespace: "argocd")
            repository.setLabel("argocd.argoproj.io/secret-type", "repository")
            repository["stringData"] = ["url": "https://git.example/apps.git", "username": "bot", "password": "s3cret-value"]
            _ = try await server.client.create(repository)
            try await server.createApplication("a1", project: "team-a")
            try await server.createApplication("d1")
            var resource = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "cm-a1", namespace: "a1")
            resource["data"] = ["k": "v"]
            try await server.deploy([resource], as: "a1")
            try await eventually("the caches hold the objects", timeout: .seconds(30)) {
                let list = try await server.call(.GET, "/api/v1/applications", token: deployer)
                let items = list.json["items"]?.arrayValue ?? []
                return list.status == 200 && items.count == 1 && items.first?[path: ["status", "resources"]] != nil
            }

            // Lists hold only what each caller may get.
            for (token, expected) in [(admin, ["a1", "d1"]), (alice, ["a1", "d1"]), (deployer, ["a1"])] {
                let names = try await server.call(.GET, "/api/v1/applications", token: token).json["items"]?.arrayValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue }
                #expect(names == expected)
            }
            let projects = try await server.call(.GET, "/api/v1/projects", token: alice).json["items"]?.arrayValue?.count
            #expect(projects == 2)
            #expect(try await server.call(.GET, "/api/v1/account/can-i/applications/sync/default%2Fd1", token: alice).json["value"] == "no")
            #expect(try await server.call(.GET, "/api/v1/account/can-i/applications/sync/default%2Fd1", token: admin).json["value"] == "yes")
            #expect(try await server.call(.GET, "/api/v1/account/can-i/applications/sync/team-a%2Fa1", token: deployer).json["value"] == "yes")

            let callers: [(String, String?)] = [("admin", admin), ("read-only", alice), ("project role", deployer), ("anonymous", nil)]
            let patch: JSONValue = ["patch": "{\"metadata\":{\"labels\":{\"seen\":\"yes\"}}}", "patchType": "merge"]
            let spec: JSONValue = ["project": "default", "source": ["repoURL": "https://git.example/apps.git", "path": "d1"], "destination": ["server": "https://kubernetes.default.svc", "namespace": "d1"]]
            let newApp: JSONValue = ["metadata": ["name": "new1"], "spec": ["project": "team-a", "source": ["repoURL": "https://git.example/apps.git", "path": "x"], "destination": ["server": "https://kubernetes.default.svc", "namespace": "x"]]]
            let cases: [Case] = [
                Case(method: .GET, template: "/api/version", path: "/api/version", expect: [.allowed, .allowed, .allowed, .allowed]),
                Case(method: .GET, template: "/healthz", path: "/healthz", expect: [.allowed, .allowed, .allowed, .allowed]),
                Case(method: .GET, template: "/metrics", path: "/metrics", expect: [.allowed, .allowed, .allowed, .allowed]),
                Case(method: .GET, template: "/swagger.json", path: "/swagger.json", expect: [.allowed, .allowed, .allowed, .allowed]),
                // The SSO entry points are public (the browser has no session yet); without oidc.config they answer 400.
                Case(method: .GET, template: "/auth/login", path: "/auth/login", expect: [.allowed, .allowed, .allowed, .allowed]),
                Case(method: .GET, template: "/auth/callback", path: "/auth/callback", expect: [.allowed, .allowed, .allowed, .allowed]),
                Case(method: .GET, template: "/api/v1/settings", path: "/api/v1/settings", expect: [.allowed, .allowed, .allowed, .allowed]),
                Case(method: .GET, template: "/api/v1/session/userinfo", path: "/api/v1/session/userinfo", expect: [.allowed, .allowed, .allowed, .allowed]),
                Case(method: .GET, template: "/api/v1/applications", path: "/api/v1/applications", expect: [.allowed, .allowed, .allowed, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/applications/{name}", path: "/api/v1/applications/a1", expect: [.allowed, .allowed, .allowed, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/applications/{name}", path: "/api/v1/applications/d1", expect: [.allowed, .allowed, .denied, .unauthenticated]),
                Case(method: .POST, template: "/api/v1/applications/{name}/sync", path: "/api/v1/applications/d1/sync", body: ["dryRun": true], expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .POST, template: "/api/v1/applications/{name}/sync", path: "/api/v1/applications/a1/sync", body: ["dryRun": true], expect: [.allowed, .denied, .allowed, .unauthenticated]),
                // Local manifests override Git: the role may sync but not override.
                Case(method: .POST, template: "/api/v1/applications/{name}/sync", path: "/api/v1/applications/a1/sync", body: ["dryRun": true, "manifests": ["{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}"]], expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .DELETE, template: "/api/v1/applications/{name}/operation", path: "/api/v1/applications/a1/operation", expect: [.allowed, .denied, .allowed, .unauthenticated]),
                Case(method: .POST, template: "/api/v1/applications/{name}/rollback", path: "/api/v1/applications/a1/rollback", body: ["id": 1], expect: [.allowed, .denied, .allowed, .unauthenticated]),
                Case(method: .PUT, template: "/api/v1/applications/{name}/spec", path: "/api/v1/applications/d1/spec", body: spec, expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .PUT, template: "/api/v1/applications/{name}", path: "/api/v1/applications/d1", body: ["metadata": ["name": "d1"], "spec": spec], expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .PATCH, template: "/api/v1/applications/{name}", path: "/api/v1/applications/a1", body: patch, expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .POST, template: "/api/v1/applications", path: "/api/v1/applications", body: newApp, expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/applications/{name}/manifests", path: "/api/v1/applications/a1/manifests", expect: [.allowed, .allowed, .allowed, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/applications/{name}/managed-resources", path: "/api/v1/applications/d1/managed-resources", expect: [.allowed, .allowed, .denied, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/repositories", path: "/api/v1/repositories", expect: [.allowed, .allowed, .allowed, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/stream/applications", path: "/api/v1/stream/applications", expect: [.allowed, .allowed, .allowed, .unauthenticated], streams: true),
                Case(method: .GET, template: "/api/v1/stream/applications/{name}/resource-tree", path: "/api/v1/stream/applications/a1/resource-tree", expect: [.allowed, .allowed, .allowed, .unauthenticated], streams: true),
                Case(method: .GET, template: "/api/v1/stream/applications/{name}/resource-tree", path: "/api/v1/stream/applications/d1/resource-tree", expect: [.allowed, .allowed, .denied, .unauthenticated], streams: true),
                Case(method: .GET, template: "/api/v1/applications/{name}/resource-tree", path: "/api/v1/applications/d1/resource-tree", expect: [.allowed, .allowed, .denied, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/applications/{name}/events", path: "/api/v1/applications/a1/events", expect: [.allowed, .allowed, .allowed, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/clusters", path: "/api/v1/clusters", expect: [.allowed, .allowed, .allowed, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/clusters/{server}", path: "/api/v1/clusters/https%3A%2F%2Fkubernetes.default.svc", expect: [.allowed, .allowed, .denied, .unauthenticated]),
                Case(method: .DELETE, template: "/api/v1/clusters/{server}", path: "/api/v1/clusters/in-cluster", expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/applicationsets", path: "/api/v1/applicationsets", expect: [.allowed, .allowed, .allowed, .unauthenticated]),
                Case(method: .POST, template: "/api/v1/applicationsets", path: "/api/v1/applicationsets", body: Self.applicationSet, expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/applicationsets/{name}", path: "/api/v1/applicationsets/set1", expect: [.allowed, .allowed, .denied, .unauthenticated]),
                Case(method: .DELETE, template: "/api/v1/applicationsets/{name}", path: "/api/v1/applicationsets/set1", expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/repositories/{repo}", path: "/api/v1/repositories/https%3A%2F%2Fgit.example%2Fapps.git", expect: [.allowed, .allowed, .denied, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/repositories/{repo}/refs", path: "/api/v1/repositories/https%3A%2F%2Fgit.example%2Fapps.git/refs", expect: [.allowed, .allowed, .denied, .unauthenticated]),
                Case(method: .POST, template: "/api/v1/repositories/{repo}/validate", path: "/api/v1/repositories/https%3A%2F%2Fgit.example%2Fother.git/validate", body: .emptyObject, expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .POST, template: "/api/v1/repositories", path: "/api/v1/repositories", body: ["repo": "https://git.example/other.git"], expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/repocreds", path: "/api/v1/repocreds", expect: [.allowed, .allowed, .allowed, .unauthenticated]),
                Case(method: .POST, template: "/api/v1/repocreds", path: "/api/v1/repocreds", body: ["repo": "https://git.example/", "username": "u", "password": "p"], expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .DELETE, template: "/api/v1/repocreds/{url}", path: "/api/v1/repocreds/https%3A%2F%2Fgit.example%2F", expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .POST, template: "/api/webhook", path: "/api/webhook", body: .emptyObject, expect: [.allowed, .allowed, .allowed, .allowed]),
                Case(method: .GET, template: "/api/v1/projects", path: "/api/v1/projects", expect: [.allowed, .allowed, .allowed, .unauthenticated]),
                // A project role may read its own project, as upstream lets project tokens.
                Case(method: .GET, template: "/api/v1/projects/{name}", path: "/api/v1/projects/team-a", expect: [.allowed, .allowed, .allowed, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/projects/{name}", path: "/api/v1/projects/default", expect: [.allowed, .allowed, .denied, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/projects/{name}/syncwindows", path: "/api/v1/projects/default/syncwindows", expect: [.allowed, .allowed, .denied, .unauthenticated]),
                Case(method: .POST, template: "/api/v1/projects", path: "/api/v1/projects", body: ["project": ["metadata": ["name": "team-b"], "spec": .emptyObject]], expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .POST, template: "/api/v1/projects/{project}/roles/{role}/token", path: "/api/v1/projects/team-a/roles/deployer/token", expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .DELETE, template: "/api/v1/projects/{project}/roles/{role}/token/{iat}", path: "/api/v1/projects/team-a/roles/deployer/token/1", expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/account", path: "/api/v1/account", expect: [.allowed, .allowed, .allowed, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/account/{name}", path: "/api/v1/account/admin", expect: [.allowed, .allowed, .denied, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/account/can-i/{resource}/{action}/{subresource}", path: "/api/v1/account/can-i/applications/get/x", expect: [.allowed, .allowed, .allowed, .unauthenticated]),
                Case(method: .POST, template: "/api/v1/account/{name}/token", path: "/api/v1/account/admin/token", expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .DELETE, template: "/api/v1/account/{name}/token/{id}", path: "/api/v1/account/admin/token/x", expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .PUT, template: "/api/v1/account/password", path: "/api/v1/account/password", body: ["name": "admin", "currentPassword": "x", "newPassword": "long-enough"], expect: [.unauthenticated, .denied, .denied, .unauthenticated]),
                Case(method: .GET, template: "/api/v1/applications/{name}/resource", path: Self.resourcePath, expect: [.allowed, .allowed, .allowed, .unauthenticated]),
                Case(method: .POST, template: "/api/v1/applications/{name}/resource", path: Self.resourcePath, body: .string("{\"data\":{\"k\":\"w\"}}"), expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .DELETE, template: "/api/v1/applications/{name}/resource", path: Self.resourcePath, expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .DELETE, template: "/api/v1/projects/{name}", path: "/api/v1/projects/team-b", expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .DELETE, template: "/api/v1/applications/{name}", path: "/api/v1/applications/d1", expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .DELETE, template: "/api/v1/repositories/{repo}", path: "/api/v1/repositories/https%3A%2F%2Fgit.example%2Fapps.git", expect: [.allowed, .denied, .denied, .unauthenticated]),
                // Last among the project's callers: replacing the project drops the role's token records.
                Case(method: .PUT, template: "/api/v1/projects/{name}", path: "/api/v1/projects/team-a", body: ["project": Self.project], expect: [.allowed, .denied, .denied, .unauthenticated]),
                Case(method: .POST, template: "/api/v1/session", path: "/api/v1/session", body: ["username": "admin", "password": "wrong"], expect: [.unauthenticated, .unauthenticated, .unauthenticated, .unauthenticated]),
                Case(method: .DELETE, template: "/api/v1/session", path: "/api/v1/session", expect: [.allowed, .allowed, .allowed, .allowed]),
            ]

            // Repository credentials never come back out, to anyone.
            for token in [admin, alice] {
                let repositories = try await server.call(.GET, "/api/v1/repositories", token: token)
                #expect(repositories.status == 200 && repositories.text.contains("git.example/apps.git") && !repositories.text.contains("s3cret-value"), "\(repositories.text)")
            }

            // Every route the server serves is in the matrix, so a new one cannot skip it.
            let document = try await server.call(.GET, "/swagger.json").json
            var served: Set<String> = []
            for (path, item) in document["paths"]?.objectValue ?? [:] {
                for method in item.objectValue?.keys ?? [] { served.insert("\(method.uppercased()) \(path)") }
            }
            let covered = Set(cases.map { "\($0.method.rawValue) \($0.template)" })
            #expect(served.subtracting(covered).isEmpty, "routes without a matrix entry: \(served.subtracting(covered).sorted())")

            // Refused callers go first on each route, so the allowed ones' writes cannot change what the others are asked.
            for entry in cases {
                let order = [1, 2, 3, 0]
                for index in order {
                    let (who, token) = callers[index]
                    if entry.streams {
                        let status = try await server.streamStatus(entry.path, token: token)
                        #expect(entry.expect[index].accepts(status), "GET \(entry.path) as \(who): expected \(entry.expect[index]), got \(status)")
                        continue
                    }
                    let answer = try await server.call(entry.method, entry.path, token: token, body: entry.body)
                    #expect(entry.expect[index].accepts(answer.status), "\(entry.method.rawValue) \(entry.path) as \(who): expected \(entry.expect[index]), got \(answer.status) \(answer.text.prefix(300))")
                }
            }
        }
    }
}
