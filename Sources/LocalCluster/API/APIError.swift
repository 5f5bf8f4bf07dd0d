public import KubeModel

/// An API failure rendered as a Kubernetes `Status` object, with the reason and code clients key on
/// (`kubectl apply` decides create-or-patch from `NotFound`, client-go retries on `Conflict`).
public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One entry of `details.causes`: which field is wrong and why.
    public struct Cause: Sendable, Equatable {
        /// A machine-readable cause type (`FieldValueRequired`, `FieldValueInvalid`, `FieldManagerConflict`, ...).
        public var type: String
        /// Why.
        public var message: String
        /// The field path, such as `metadata.name` or `spec.replicas`.
        public var field: String

        /// Creates a cause.
        public init(type: String, message: String, field: String) {
            self.type = type
            self.message = message
            self.field = field
        }
    }

    /// The HTTP status code.
    public var code: Int
    /// The Kubernetes reason (`NotFound`, `AlreadyExists`, `Conflict`, `Invalid`, ...).
    public var reason: String
    /// The human-readable message.
    public var message: String
    /// The group of the object concerned.
    public var group: String?
    /// The kind (resource) of the object concerned, as the API server reports it (plural resource name).
    public var kind: String?
    /// The name of the object concerned.
    public var name: String?
    /// Field-level causes.
    public var causes: [Cause]

    /// Creates an error.
    public init(code: Int, reason: String, message: String, group: String? = nil, kind: String? = nil, name: String? = nil, causes: [Cause] = []) {
        self.code = code
        self.reason = reason
        self.message = message
        self.group = group
        self.kind = kind
        self.name = name
        self.causes = causes
    }

    public var description: String { "\(reason) (\(code)): \(message)" }

    /// The `Status` object clients parse.
    public var status: JSONValue {
        var details = JSONObject()
        if let name { details["name"] = .string(name) }
        if let group { details["group"] = .string(group) }
        if let kind { details["kind"] = .string(kind) }
        if !causes.isEmpty {
            details["causes"] = .array(
                causes.map { ["reason": .string($0.type), "message": .string($0.message), "field": .string($0.field)] })
        }
        var status: JSONObject = [
            "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure", "message": .string(message),
            "reason": .string(reason),
        ]
        if !details.isEmpty { status["details"] = .object(details) }
        status["code"] = .int(code)
        return .object(status)
    }

    // MARK: - The errors the server returns

    /// 404 for a missing object.
    public static func notFound(_ resource: ResourceInfo, name: String) -> APIError {
        APIError(
            code: 404, reason: "NotFound", message: "\(resource.qualifiedResource) \"\(name)\" not found",
            group: resource.group, kind: resource.resource, name: name)
    }

    /// 404 for a URL that names no served resource.
    public static func notFound(path: String) -> APIError {
        APIError(code: 404, reason: "NotFound", message: "the server could not find the requested resource (\(path))")
    }

    /// 409 when creating an object that exists.
    public static func alreadyExists(_ resource: ResourceInfo, name: String) -> APIError {
        APIError(
            code: 409, reason: "AlreadyExists", message: "\(resource.qualifiedResource) \"\(name)\" already exists",
            group: resource.group, kind: resource.resource, name: name)
    }

    /// 409 for a write carrying a stale `resourceVersion`.
    public static func conflict(_ resource: ResourceInfo, name: String) -> APIError {
        APIError(
            code: 409, reason: "Conflict",
            message: "Operation cannot be fulfilled on \(resource.qualifiedResource) \"\(name)\": the object has been modified; please apply your changes to the latest version and try again",
            group: resource.group, kind: resource.resource, name: name)
    }

    /// 422 with field causes.
    public static func invalid(_ resource: ResourceInfo, name: String, causes: [Cause]) -> APIError {
        let summary = causes.map { "\($0.field): \($0.message)" }.joined(separator: ", ")
        return APIError(
            code: 422, reason: "Invalid", message: "\(resource.kind) \"\(name)\" is invalid: \(summary)",
            group: resource.group, kind: resource.kind, name: name, causes: causes)
    }

    /// 400 for a request the server cannot read.
    public static func badRequest(_ message: String) -> APIError {
        APIError(code: 400, reason: "BadRequest", message: message)
    }

    /// 405 for a verb the resource does not support.
    public static func methodNotAllowed(_ message: String) -> APIError {
        APIError(code: 405, reason: "MethodNotAllowed", message: message)
    }

    /// 415 for a patch type the resource cannot take.
    public static func unsupportedMediaType(_ message: String) -> APIError {
        APIError(code: 415, reason: "UnsupportedMediaType", message: message)
    }

    /// 403 for a forbidden operation.
    public static func forbidden(_ resource: ResourceInfo, name: String, reason: String, causes: [Cause] = []) -> APIError {
        APIError(
            code: 403, reason: "Forbidden", message: "\(resource.qualifiedResource) \"\(name)\" is forbidden: \(reason)",
            group: resource.group, kind: resource.resource, name: name, causes: causes)
    }

    /// 403 for a request RBAC does not allow, worded as kube-apiserver words it (clients and people
    /// match on it): `configmaps is forbidden: User "jane" cannot list resource "configmaps" in API group
    /// "" in the namespace "default"`, followed by RBAC's reason when it has one.
    static func forbidden(_ request: AuthorizationAttributes, reason: String) -> APIError {
        var denial: String
        if request.isResourceRequest {
            let resource = request.subresource.isEmpty ? request.resource : "\(request.resource)/\(request.subresource)"
            let scope = request.namespace.isEmpty ? "at the cluster scope" : "in the namespace \"\(request.namespace)\""
            denial = "User \"\(request.user.name)\" cannot \(request.verb) resource \"\(resource)\" in API group \"\(request.apiGroup)\" \(scope)"
        } else {
            denial = "User \"\(request.user.name)\" cannot \(request.verb) path \"\(request.path)\""
        }
        if !reason.isEmpty { denial += ": \(reason)" }
        guard request.isResourceRequest else { return APIError(code: 403, reason: "Forbidden", message: "forbidden: \(denial)") }
        let qualified = request.apiGroup.isEmpty ? request.resource : "\(request.resource).\(request.apiGroup)"
        let subject = request.name.isEmpty ? qualified : "\(qualified) \"\(request.name)\""
        return APIError(
            code: 403, reason: "Forbidden", message: "\(subject) is forbidden: \(denial)", group: request.apiGroup.isEmpty ? nil : request.apiGroup,
            kind: request.resource, name: request.name.isEmpty ? nil : request.name)
    }

    /// 401 for a request without valid credentials.
    public static let unauthorized = APIError(code: 401, reason: "Unauthorized", message: "Unauthorized")

    /// 410 for a watch or continue token older than the server remembers.
    public static func expired(_ message: String) -> APIError {
        APIError(code: 410, reason: "Expired", message: message)
    }

    /// 500 for a failure inside the server.
    public static func internalError(_ message: String) -> APIError {
        APIError(code: 500, reason: "InternalError", message: "Internal error occurred: \(message)")
    }
}

extension ResourceInfo {
    /// `deployments.apps`, or `pods` for the core group: how the API server names a resource in messages.
    var qualifiedResource: String { group.isEmpty ? resource : "\(resource).\(group)" }
}
