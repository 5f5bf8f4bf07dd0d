public import Crypto
public import Foundation

extension ProjectToken {
    /// The claims of `token` when it is valid (see ``verify(_:key:now:project:)``) and its role may
    /// do `action` on `resource` object `project/name`; otherwise why not, in upstream's
    /// `permission denied: RESOURCE, ACTION, OBJECT, sub: SUBJECT` form. A role speaks only for its
    /// own project's objects.
    public static func authorize(
        _ token: String, key: SymmetricKey, now: Date = Date(), resource: String, action: String, project: String, name: String,
        projects lookup: (String) -> AppProject?
    ) throws(ProjectTokenError) -> Claims {
        let claims = try verify(token, key: key, now: now, project: lookup)
        let object = "\(project)/\(name)"
        let subject = ProjectRole.subject(project: claims.project, role: claims.role)
        guard claims.project == project, let owner = lookup(project), owner.roleAllows(claims.role, resource: resource, action: action, object: object) else {
            throw ProjectTokenError("permission denied: \(resource), \(action), \(object), sub: \(subject), iat: \(claims.issuedAt)")
        }
        return claims
    }
}
