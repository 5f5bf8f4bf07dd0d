/// What a request asks to do, as RBAC sees it: kube-apiserver's request info, read from the URL alone
/// (never from the served resources), so that a user gets the same answer whether or not a resource
/// exists.
struct AuthorizationAttributes: Sendable, Equatable {
    /// Who asks.
    var user: UserInfo
    /// The API verb (`get`, `list`, `create`, ...) of a resource request; the lowercase HTTP method of a
    /// non-resource request.
    var verb: String
    /// Whether the URL names a resource (`/api/v1/...`, `/apis/GROUP/VERSION/...`) rather than a path
    /// such as `/version` or a discovery document.
    var isResourceRequest: Bool
    /// The URL path.
    var path: String
    /// The namespace; empty for cluster-scoped requests and lists across namespaces.
    var namespace = ""
    /// The API group; empty for the core group.
    var apiGroup = ""
    /// The plural resource.
    var resource = ""
    /// The subresource (`status`, `scale`).
    var subresource = ""
    /// The object name, or for a list or watch the name an exact `metadata.name` field selector names.
    var name = ""

    /// Subresources of the Namespace object itself, which `namespaces/NAME/...` can name.
    private static let namespaceSubresources: Set<String> = ["status", "finalize"]

    /// The attributes of an HTTP request, parsed as kube-apiserver's `RequestInfoFactory` does.
    init(request: APIRequest, user: UserInfo) {
        self.user = user
        self.path = request.path
        var parts = request.path.split(separator: "/").map(String.init)[...]
        let prefix = parts.first
        let grouped = prefix == "apis"
        guard prefix == "api" || grouped, parts.count >= (grouped ? 4 : 3) else {
            self.verb = request.method.rawValue.lowercased()
            self.isResourceRequest = false
            return
        }
        isResourceRequest = true
        parts = parts.dropFirst()
        if grouped {
            apiGroup = parts.removeFirst()
        }
        // The version: RBAC rules do not name versions.
        parts = parts.dropFirst()
        if parts.first == "namespaces", parts.count > 1 {
            namespace = parts[parts.startIndex + 1]
            // `namespaces/NS/RESOURCE...` is a namespaced resource; `namespaces/NAME[/status]` the
            // Namespace itself, whose name then also counts as its namespace, as upstream has it.
            if parts.count > 2 && !Self.namespaceSubresources.contains(parts[parts.startIndex + 2]) {
                parts = parts.dropFirst(2)
            }
        }
        let values = Array(parts)
        resource = values.first ?? ""
        if values.count >= 2 { name = values[1] }
        if values.count >= 3 { subresource = values[2] }
        let apiVerb = APIVerb(method: request.method, named: !name.isEmpty, watch: request.flag("watch"))
        verb = apiVerb.rawValue
        if apiVerb == .list || apiVerb == .watch, let selected = Self.exactName(fieldSelector: request.query["fieldSelector"]) {
            name = selected
        }
    }

    /// Attributes asked about directly, as a SelfSubjectAccessReview does.
    init(user: UserInfo, verb: String, namespace: String, apiGroup: String, resource: String, subresource: String, name: String) {
        self.user = user
        self.verb = verb
        self.isResourceRequest = true
        self.path = ""
        self.namespace = namespace
        self.apiGroup = apiGroup
        self.resource = resource
        self.subresource = subresource
        self.name = name
    }

    /// Attributes of a non-resource path asked about directly.
    init(user: UserInfo, verb: String, path: String) {
        self.user = user
        self.verb = verb
        self.isResourceRequest = false
        self.path = path
    }

    /// The name in `metadata.name=NAME` (or `==`) within a field selector: a list or watch of one object
    /// is authorized as a request for that name, so that `resourceNames` rules allow it.
    private static func exactName(fieldSelector: String?) -> String? {
        guard let fieldSelector, fieldSelector.contains("metadata.name") else { return nil }
        for term in fieldSelector.split(separator: ",") {
            let trimmed = term.trimmingPrefix(" ")
            for operation in ["metadata.name==", "metadata.name="] where trimmed.hasPrefix(operation) {
                let name = String(trimmed.dropFirst(operation.count))
                // Names that could not be a path segment are not taken, as upstream does not.
                let valid = !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("%") && !name.contains("\\")
                return valid ? name : nil
            }
        }
        return nil
    }
}
