/// A Kubernetes API verb, named as RBAC rules, audit logs and fault injection rules name it.
public enum APIVerb: String, Sendable, CaseIterable {
    case get, list, watch, create, update, patch, delete, deletecollection

    /// The verb of a resource request: `GET` is `watch` with `watch=true`, `list` without a name, `get`
    /// with one; `DELETE` without a name is `deletecollection`.
    init(method: APIRequest.Method, named: Bool, watch: Bool) {
        switch method {
        case .get: self = watch ? .watch : named ? .get : .list
        case .post: self = .create
        case .put: self = .update
        case .patch: self = .patch
        case .delete: self = named ? .delete : .deletecollection
        }
    }
}
