public import KubeModel

extension APIHandler {
    /// PATCH: JSON patch, merge patch, strategic merge patch or server-side apply.
    func patch(_ target: ResourceRequest, name: String, _ request: APIRequest) async throws(APIError) -> APIResponse {
        let info = target.info
        let contentType = (request.contentType ?? "").split(separator: ";").first.map(String.init) ?? ""
        let patchBody = try decodeBody(request)
        switch contentType {
        case "application/apply-patch+yaml", "application/apply-patch+cbor":
            return try await apply(target, name: name, configuration: patchBody, request)
        case "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json":
            if contentType == "application/strategic-merge-patch+json" && registry.isCustom(info) {
                throw APIError.unsupportedMediaType(
                    "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")
            }
            let gvk = target.subresource == "scale" ? GroupVersionKind(group: "autoscaling", version: "v1", kind: "Scale") : info.groupVersionKind
            return try await writeExisting(target, name: name, request) { current throws(APIError) in
                let base = target.subresource == "scale" ? ScaleView.scale(of: current, info: info) : current
                let patched: JSONValue
                do throws(PatchError) {
                    switch contentType {
                    case "application/json-patch+json": patched = try JSONPatch(json: patchBody).apply(to: base)
                    case "application/merge-patch+json": patched = try MergePatch.applyChecked(patchBody, to: base)
                    default: patched = try StrategicMergePatch.apply(patchBody, to: base, gvk: gvk)
                    }
                } catch {
                    throw error.isTestFailure ? APIError(code: 422, reason: "Invalid", message: "\(error)") : APIError.badRequest("\(error)")
                }
                return target.subresource == "scale" ? try ScaleView.applying(patched, to: current, info: info) : patched
            }
        default:
            throw APIError.unsupportedMediaType(
                "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json")
        }
    }

    /// Server-side apply: creates the object when missing, else merges the applied configuration into it.
    private func apply(_ target: ResourceRequest, name: String, configuration: JSONValue, _ request: APIRequest) async throws(APIError)
        -> APIResponse
    {
        guard let manager = request.query["fieldManager"], !manager.isEmpty else {
            throw APIError.badRequest("PATCH /apply requires fieldManager to be set")
        }
        let info = target.info
        var applied = configuration
        try checkTypeMeta(&applied, info: info)
        let objectKey = key(info, namespace: target.namespace, name: name)
        if await store.get(objectKey) == nil {
            var creation = request
            creation.method = .post
            creation.body = Array(JSONWriter.string(applied).utf8)
            creation.contentType = "application/json"
            var collection = target
            collection.name = nil
            return try await create(collection, creation, operation: "Apply")
        }
        let desired = applied
        let force = ["true", "1"].contains(request.query["force"]?.lowercased() ?? "")
        let timestamp = Timestamps.format(now())
        return try await writeExisting(target, name: name, request, operation: "Apply") { current throws(APIError) in
            var merged: JSONValue
            do throws(PatchError) {
                merged = try StrategicMergePatch.apply(desired, to: current, gvk: info.groupVersionKind)
            } catch {
                guard error.isUnsupported else { throw APIError.badRequest("\(error)") }
                merged = MergePatch.apply(desired, to: current)
            }
            // The applied configuration must not fail on an old resourceVersion unless it names one.
            if desired[path: ["metadata", "resourceVersion"]] == nil {
                merged[path: ["metadata", "resourceVersion"]] = nil
            }
            return try ManagedFields.apply(
                configuration: desired, live: current, merged: merged, info: info, manager: manager, force: force, timestamp: timestamp)
        }
    }
}
