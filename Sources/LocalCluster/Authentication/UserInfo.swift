/// Who sent a request, as Kubernetes authenticators describe a user: a name, an optional uid, and the
/// groups RBAC bindings can name.
public struct UserInfo: Sendable, Hashable {
    /// The user name (`jane`, `system:serviceaccount:NAMESPACE:NAME`).
    public var name: String
    /// A unique identifier, when the authenticator knows one.
    public var uid: String
    /// The groups the user belongs to, `system:authenticated` included for every authenticated user.
    public var groups: [String]

    /// The group every authenticated user is in, as kube-apiserver adds it.
    public static let authenticatedGroup = "system:authenticated"
    /// The group whose members may do anything, bypassing RBAC, as in Kubernetes.
    public static let mastersGroup = "system:masters"
    /// The group of requests that carry no credentials.
    public static let unauthenticatedGroup = "system:unauthenticated"

    /// The cluster's administrator, who authenticates with the data directory's `token` file.
    public static let admin = UserInfo(authenticated: "wharf-admin", groups: [mastersGroup])
    /// The cluster's own in-process callers (its controllers and bootstrap), trusted as kube-apiserver
    /// trusts its loopback client.
    public static let loopback = UserInfo(authenticated: "system:apiserver", groups: [mastersGroup])
    /// A request without credentials, which only the public health and version paths serve.
    public static let anonymous = UserInfo(name: "system:anonymous", uid: "", groups: [unauthenticatedGroup])

    /// Creates a user with exactly these groups.
    public init(name: String, uid: String, groups: [String]) {
        self.name = name
        self.uid = uid
        self.groups = groups
    }

    /// An authenticated user: `groups` plus `system:authenticated`, as kube-apiserver's authentication
    /// filter adds it to every user an authenticator accepts.
    public init(authenticated name: String, uid: String = "", groups: [String]) {
        self.init(name: name, uid: uid, groups: groups.contains(Self.authenticatedGroup) ? groups : groups + [Self.authenticatedGroup])
    }

    /// Whether RBAC is bypassed for this user (`system:masters`).
    public var isPrivileged: Bool { groups.contains(Self.mastersGroup) }
}
