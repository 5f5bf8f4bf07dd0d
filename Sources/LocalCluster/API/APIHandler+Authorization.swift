import KubeModel

extension APIHandler {
    /// Refuses a request its user may not make with 403, in kube-apiserver's words.
    func authorize(_ request: APIRequest) throws(APIError) {
        // Skipped before parsing the URL: the admin and the in-process controllers make most requests.
        guard !request.user.isPrivileged else { return }
        let attributes = AuthorizationAttributes(request: request, user: request.user)
        let decision = authorizer.authorize(attributes)
        guard decision.allowed else { throw APIError.forbidden(attributes, reason: decision.reason) }
    }

    /// POST `selfsubjectaccessreviews` (`kubectl auth can-i`): whether the requesting user may do what the
    /// review describes. The review is answered, never stored.
    func accessReview(_ request: APIRequest) throws(APIError) -> APIResponse {
        var review = try decodeBody(request)
        let info = BuiltinResources.selfSubjectAccessReviews
        let resource = review[path: ["spec", "resourceAttributes"]]
        let nonResource = review[path: ["spec", "nonResourceAttributes"]]
        func text(_ attributes: JSONValue?, _ field: String) -> String { attributes?[field]?.stringValue ?? "" }
        let attributes: AuthorizationAttributes
        switch (resource, nonResource) {
        case (let resource?, nil):
            attributes = AuthorizationAttributes(
                user: request.user, verb: text(resource, "verb"), namespace: text(resource, "namespace"), apiGroup: text(resource, "group"),
                resource: text(resource, "resource"), subresource: text(resource, "subresource"), name: text(resource, "name"))
        case (nil, let nonResource?):
            attributes = AuthorizationAttributes(user: request.user, verb: text(nonResource, "verb"), path: text(nonResource, "path"))
        case (.some, .some):
            throw APIError.invalid(info, name: "", causes: [
                .init(type: "FieldValueInvalid", message: "cannot be specified in combination with resourceAttributes", field: "spec.nonResourceAttributes")
            ])
        case (nil, nil):
            throw APIError.invalid(info, name: "", causes: [
                .init(type: "FieldValueInvalid", message: "exactly one of nonResourceAttributes or resourceAttributes must be specified", field: "spec.resourceAttributes")
            ])
        }
        let decision = authorizer.authorize(attributes)
        var status: JSONObject = ["allowed": .bool(decision.allowed)]
        if !decision.reason.isEmpty { status["reason"] = .string(decision.reason) }
        review["status"] = .object(status)
        return .json(status: 201, Self.reviewed(review, info: info))
    }

    /// POST `selfsubjectrulesreviews` (`kubectl auth can-i --list`): every rule RBAC grants the requesting
    /// user in `spec.namespace`.
    func rulesReview(_ request: APIRequest) throws(APIError) -> APIResponse {
        var review = try decodeBody(request)
        let namespace = review[path: ["spec", "namespace"]]?.stringValue ?? ""
        let (rules, incompleteBecause) = authorizer.rules(of: request.user, in: namespace)
        func list(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
        var resourceRules: [JSONValue] = []
        var nonResourceRules: [JSONValue] = []
        for rule in rules {
            if !rule.resources.isEmpty {
                var entry: JSONObject = ["verbs": list(rule.verbs)]
                if !rule.apiGroups.isEmpty { entry["apiGroups"] = list(rule.apiGroups) }
                entry["resources"] = list(rule.resources)
                if !rule.resourceNames.isEmpty { entry["resourceNames"] = list(rule.resourceNames) }
                resourceRules.append(.object(entry))
            }
            if !rule.nonResourceURLs.isEmpty {
                nonResourceRules.append(["verbs": list(rule.verbs), "nonResourceURLs": list(rule.nonResourceURLs)])
            }
        }
        var status: JSONObject = [
            "resourceRules": .array(resourceRules), "nonResourceRules": .array(nonResourceRules), "incomplete": .bool(incompleteBecause != nil),
        ]
        if let incompleteBecause { status["evaluationError"] = .string(incompleteBecause) }
        review["status"] = .object(status)
        return .json(status: 201, Self.reviewed(review, info: BuiltinResources.selfSubjectRulesReviews))
    }

    /// POST `selfsubjectreviews` (`kubectl auth whoami`): the requesting user as the server sees it.
    func userReview(_ request: APIRequest) throws(APIError) -> APIResponse {
        var review = try decodeBody(request)
        var user: JSONObject = ["username": .string(request.user.name)]
        if !request.user.uid.isEmpty { user["uid"] = .string(request.user.uid) }
        user["groups"] = .array(request.user.groups.map(JSONValue.string))
        review["status"] = ["userInfo": .object(user)]
        return .json(status: 201, Self.reviewed(review, info: BuiltinResources.selfSubjectReviews))
    }

    /// A review as the server returns it: its type fields, empty metadata (it is never stored), then its
    /// spec and status.
    private static func reviewed(_ review: JSONValue, info: ResourceInfo) -> JSONValue {
        var object: JSONObject = ["kind": .string(info.kind), "apiVersion": .string(info.apiVersion), "metadata": ["creationTimestamp": .null]]
        for (member, value) in review.objectValue ?? [:] where object[member] == nil { object[member] = value }
        return .object(object)
    }
}
