/// How rule patterns (resource, action, object) are read: `policy.matchMode` of `argocd-rbac-cm`.
public enum RBACMatchMode: String, Sendable, Hashable {
    /// Globs without a separator, so `*` spans `/` (`team-a/*` covers `team-a/ns/app`); the default.
    case glob
    /// Regular expressions that match anywhere in the value unless anchored (`^team-a/.*$`), as
    /// upstream's unanchored matching does.
    case regex
}
