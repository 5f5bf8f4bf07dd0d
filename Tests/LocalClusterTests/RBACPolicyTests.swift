import KubeModel
@testable import LocalCluster
import Testing

/// The RBAC authorizer's decisions, without a server: how requests are read from URLs, which rules
/// match, which bindings apply to whom, and the reasons given.
struct RBACPolicyTests {
    private static let jane = UserInfo(authenticated: "jane", groups: ["devs"])

    private static func event(_ storage: String, _ namespace: String, _ name: String, _ object: JSONValue, deleted: Bool = false) -> WatchEvent {
        var object = object
        object[path: ["metadata", "name"]] = .string(name)
        if !namespace.isEmpty { object[path: ["metadata", "namespace"]] = .string(namespace) }
        return WatchEvent(
            type: deleted ? .deleted : .added, key: ObjectKey(storage: storage, namespace: namespace, name: name),
            object: StoredObject(object: object, resourceVersion: 1))
    }

    private static func role(_ namespace: String, _ name: String, _ rules: JSONValue) -> WatchEvent {
        event(namespace.isEmpty ? RBACPolicy.clusterRoles : RBACPolicy.roles, namespace, name, ["rules": rules])
    }

    private static func binding(_ namespace: String, _ name: String, role: String, kind: String = "Role", subjects: JSONValue) -> WatchEvent {
        event(
            namespace.isEmpty ? RBACPolicy.clusterRoleBindings : RBACPolicy.roleBindings, namespace, name,
            ["roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": .string(kind), "name": .string(role)], "subjects": subjects])
    }

    private static func request(_ method: APIRequest.Method, _ path: String, query: [String: String] = [:], user: UserInfo = jane) -> AuthorizationAttributes {
        AuthorizationAttributes(request: APIRequest(method: method, path: path, query: query), user: user)
    }

    @Test func requestsAreReadFromTheURLAsKubeAPIServerReadsThem() {
        let get = Self.request(.get, "/apis/apps/v1/namespaces/shop/deployments/web/scale")
        #expect(get.isResourceRequest && get.verb == "get" && get.apiGroup == "apps" && get.namespace == "shop")
        #expect(get.resource == "deployments" && get.name == "web" && get.subresource == "scale")
        let list = Self.request(.get, "/api/v1/namespaces/shop/configmaps", query: ["fieldSelector": "metadata.name=settings"])
        #expect(list.verb == "list" && list.name == "settings")
        #expect(Self.request(.get, "/api/v1/configmaps", query: ["watch": "true"]).verb == "watch")
        #expect(Self.request(.delete, "/api/v1/namespaces/shop/pods").verb == "deletecollection")
        // The Namespace object itself: its name is also its namespace, as upstream has it.
        let namespace = Self.request(.get, "/api/v1/namespaces/shop")
        #expect(namespace.resource == "namespaces" && namespace.name == "shop" && namespace.namespace == "shop")
        let discovery = Self.request(.get, "/apis/apps/v1")
        #expect(!discovery.isResourceRequest && discovery.verb == "get" && discovery.path == "/apis/apps/v1")
    }

    @Test func rulesMatchVerbsGroupsResourcesNamesAndPaths() {
        let scale = PolicyRule(verbs: ["patch"], apiGroups: ["apps"], resources: ["*/scale"])
        #expect(scale.allows(Self.request(.patch, "/apis/apps/v1/namespaces/a/deployments/web/scale")))
        #expect(!scale.allows(Self.request(.patch, "/apis/apps/v1/namespaces/a/deployments/web")))
        let named = PolicyRule(verbs: ["*"], apiGroups: [""], resources: ["configmaps"], resourceNames: ["settings"])
        #expect(named.allows(Self.request(.put, "/api/v1/namespaces/a/configmaps/settings")))
        #expect(!named.allows(Self.request(.get, "/api/v1/namespaces/a/configmaps")))
        let paths = PolicyRule(verbs: ["get"], nonResourceURLs: ["/apis/*", "/version"])
        #expect(paths.allows(Self.request(.get, "/apis/apps/v1")) && paths.allows(Self.request(.get, "/version")))
        #expect(!paths.allows(Self.request(.get, "/healthz")) && !paths.allows(Self.request(.post, "/version")))
    }

    @Test func bindingsGrantRolesToUsersGroupsAndServiceAccounts() {
        var policy = RBACPolicy()
        policy.apply(Self.role("shop", "reader", [["apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]]]))
        policy.apply(Self.role("", "node-viewer", [["apiGroups": [""], "resources": ["nodes"], "verbs": ["list"]]]))
        policy.apply(Self.binding("shop", "devs-read", role: "reader", subjects: [["kind": "Group", "name": "devs"]]))
        policy.apply(Self.binding("", "robot-nodes", role: "node-viewer", kind: "ClusterRole", subjects: [["kind": "ServiceAccount", "name": "robot", "namespace": "ops"]]))
        policy.apply(Self.binding("ops", "robot-read", role: "node-viewer", kind: "ClusterRole", subjects: [["kind": "ServiceAccount", "name": "robot"]]))

        let allowed = policy.authorize(Self.request(.get, "/api/v1/namespaces/shop/configmaps"))
        #expect(allowed == AuthorizationDecision(allowed: true, reason: #"RBAC: allowed by RoleBinding "devs-read/shop" of Role "reader" to Group "devs""#))
        #expect(!policy.authorize(Self.request(.get, "/api/v1/namespaces/other/configmaps")).allowed)
        #expect(!policy.authorize(Self.request(.post, "/api/v1/namespaces/shop/configmaps")).allowed)

        let robot = UserInfo(authenticated: "system:serviceaccount:ops:robot", groups: [])
        #expect(policy.authorize(Self.request(.get, "/api/v1/nodes", user: robot)).reason
            == #"RBAC: allowed by ClusterRoleBinding "robot-nodes" of ClusterRole "node-viewer" to ServiceAccount "robot/ops""#)
        // A RoleBinding's service account without a namespace is in the binding's namespace.
        policy.apply(Self.binding("", "robot-nodes", role: "node-viewer", kind: "ClusterRole", subjects: []))
        #expect(policy.authorize(Self.request(.get, "/api/v1/namespaces/ops/nodes", user: robot)).allowed)
        #expect(!policy.authorize(Self.request(.get, "/api/v1/nodes", user: robot)).allowed)

        policy.apply(Self.binding("shop", "devs-read", role: "reader", subjects: []))
        #expect(!policy.authorize(Self.request(.get, "/api/v1/namespaces/shop/configmaps")).allowed)
    }

    @Test func bindingsToMissingRolesAreTheReasonForADenial() {
        var policy = RBACPolicy()
        policy.apply(Self.binding("shop", "a", role: "gone", subjects: [["kind": "User", "name": "jane"]]))
        policy.apply(Self.binding("", "b", role: "also-gone", kind: "ClusterRole", subjects: [["kind": "Group", "name": "devs"]]))
        let denied = policy.authorize(Self.request(.get, "/api/v1/namespaces/shop/pods"))
        #expect(denied == AuthorizationDecision(
            allowed: false,
            reason: #"RBAC: [clusterrole.rbac.authorization.k8s.io "also-gone" not found, role.rbac.authorization.k8s.io "gone" not found]"#))
        let message = APIError.forbidden(Self.request(.get, "/api/v1/namespaces/shop/pods/web"), reason: denied.reason).message
        #expect(message.hasPrefix(#"pods "web" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "shop": RBAC: ["#))
        policy.apply(Self.role("shop", "gone", [["apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]]]))
        #expect(policy.authorize(Self.request(.get, "/api/v1/namespaces/shop/pods")).allowed)
        policy.apply(Self.event(RBACPolicy.roles, "shop", "gone", [:], deleted: true))
        #expect(!policy.authorize(Self.request(.get, "/api/v1/namespaces/shop/pods")).allowed)
    }

    @Test func mastersNeedNoBinding() {
        #expect(RBACAuthorizer().authorize(Self.request(.delete, "/api/v1/nodes/a", user: .admin)) == .privileged)
        #expect(!RBACAuthorizer().authorize(Self.request(.get, "/version", user: .anonymous)).allowed)
    }
}
