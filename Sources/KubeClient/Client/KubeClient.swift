public import KubeModel

/// A client of one Kubernetes API server as one user: every verb on any resource, with discovery,
/// rate limiting, retries and metrics. Share one per cluster: it pools connections, and its rate
/// limit is meant to cover everything a process sends to that cluster.
///
/// Calls name resources by ``GroupVersionResource``; the object-based calls (``create(_:options:)``,
/// ``apply(_:fieldManager:force:options:)`` ...) find the resource through ``discovery`` from the
/// object's `apiVersion` and `kind`. Every call has a timeout and throws ``KubeError``.
public final class KubeClient: Sendable {
    /// How this client reaches its cluster.
    public let configuration: ClientConfiguration
    /// What the server serves.
    public let discovery: DiscoveryCache
    let transport: KubeTransport

    /// Creates a client; no request is made until the first call.
    public init(configuration: ClientConfiguration) throws(KubeError) {
        self.configuration = configuration
        transport = try KubeTransport(configuration: configuration)
        discovery = DiscoveryCache(transport: transport)
    }

    /// Requests made, throttling and retries so far.
    public var metrics: RequestMetrics { transport.metrics }

    /// Closes the client's connections; call before dropping the last reference.
    public func shutdown() async {
        await transport.shutdown()
    }

    // MARK: - Verbs by resource

    /// Reads one object (or one subresource, such as `scale`).
    public func get(_ resource: GroupVersionResource, namespace: String? = nil, name: String, subresource: String? = nil)
        async throws(KubeError) -> KubeObject
    {
        let path = Self.path(resource, namespace: namespace, name: name, subresource: subresource)
        return try await object(send("GET", path, verb: "get", resource: resource, subresource: subresource))
    }

    /// Lists objects: one page when `options.limit` is set, else everything.
    /// - Parameter namespace: The namespace, or nil for every namespace (and for cluster-scoped resources).
    public func list(_ resource: GroupVersionResource, namespace: String? = nil, options: ListOptions = ListOptions())
        async throws(KubeError) -> ObjectList
    {
        let path = Self.path(resource, namespace: namespace, name: nil, subresource: nil)
        let response = try await send("GET", path, query: options.query, verb: "list", resource: resource)
        return try Self.decodeList(response.body, request: "GET \(path)")
    }

    /// Lists every object, following `continue` tokens page by page (so a huge list never needs one
    /// huge answer). If a token expires midway, the list starts over, as client-go's pager does.
    public func listAll(
        _ resource: GroupVersionResource, namespace: String? = nil, options: ListOptions = ListOptions(), pageSize: Int = 500
    ) async throws(KubeError) -> ObjectList {
        var page = options
        page.limit = pageSize
        page.continueToken = nil
        var items: [KubeObject] = []
        var restarted = false
        while true {
            let result: ObjectList
            do {
                result = try await list(resource, namespace: namespace, options: page)
            } catch where error.category == .expired && page.continueToken != nil && !restarted {
                restarted = true
                items = []
                page.continueToken = nil
                continue
            }
            items += result.items
            guard let token = result.continueToken, !token.isEmpty else {
                return ObjectList(items: items, resourceVersion: result.resourceVersion, continueToken: nil)
            }
            page.continueToken = token
        }
    }

    /// Starts a watch and returns its events as they come.
    public func watch(_ resource: GroupVersionResource, namespace: String? = nil, options: WatchOptions = WatchOptions(), kind: String? = nil)
        async throws(KubeError) -> WatchStream
    {
        let path = Self.path(resource, namespace: namespace, name: nil, subresource: nil)
        let request = KubeRequest(method: "GET", path: path, query: options.query, verb: "watch", resource: resource.resource)
        let response = try await transport.openStream(request)
        let kindName: String
        if let kind {
            kindName = kind
        } else {
            kindName = (try? await discovery.resource(for: resource).kind) ?? ""
        }
        return WatchStream(response: response, apiVersion: resource.apiVersion, kind: kindName, request: request.summary)
    }

    /// Creates an object in `namespace` (nil for cluster-scoped resources).
    public func create(_ resource: GroupVersionResource, namespace: String?, _ object: KubeObject, options: WriteOptions = WriteOptions())
        async throws(KubeError) -> KubeObject
    {
        let path = Self.path(resource, namespace: namespace, name: nil, subresource: nil)
        return try await self.object(
            send("POST", path, query: options.query, body: Array(JSONWriter.string(object.content).utf8), verb: "create", resource: resource))
    }

    /// Replaces an object (or its `status`/`scale` subresource); `metadata.resourceVersion` makes it
    /// conditional, failing with `conflict` if the object changed since.
    public func update(
        _ resource: GroupVersionResource, namespace: String?, _ object: KubeObject, subresource: String? = nil, options: WriteOptions = WriteOptions()
    ) async throws(KubeError) -> KubeObject {
        let path = Self.path(resource, namespace: namespace, name: object.name, subresource: subresource)
        return try await self.object(
            send(
                "PUT", path, query: options.query, body: Array(JSONWriter.string(object.content).utf8), verb: "update", resource: resource,
                subresource: subresource))
    }

    /// Patches an object (or a subresource). For `.apply`, `options.fieldManager` is required.
    public func patch(
        _ resource: GroupVersionResource, namespace: String?, name: String, type: PatchType, _ patch: JSONValue, subresource: String? = nil,
        options: WriteOptions = WriteOptions()
    ) async throws(KubeError) -> KubeObject {
        if type == .apply && (options.fieldManager ?? "").isEmpty {
            throw KubeError(.configuration, "server-side apply of \(resource.resource)/\(name) needs a field manager; set WriteOptions.fieldManager")
        }
        let path = Self.path(resource, namespace: namespace, name: name, subresource: subresource)
        // Apply patches are YAML; JSON is YAML, so the same writer serves every type.
        return try await object(
            send(
                "PATCH", path, query: options.query, body: Array(JSONWriter.string(patch).utf8), contentType: type.contentType, verb: "patch",
                resource: resource, subresource: subresource))
    }

    /// Deletes an object.
    /// - Returns: The object when it still exists (finalizers or foreground deletion keep it until
    ///   they finish), nil when it is gone.
    @discardableResult
    public func delete(_ resource: GroupVersionResource, namespace: String?, name: String, options: DeleteOptions = DeleteOptions())
        async throws(KubeError) -> KubeObject?
    {
        let path = Self.path(resource, namespace: namespace, name: name, subresource: nil)
        let response = try await send(
            "DELETE", path, body: Array(JSONWriter.string(options.body).utf8), verb: "delete", resource: resource)
        let value = try Self.parse(response.body, request: "DELETE \(path)")
        if value["kind"]?.stringValue == "Status" { return nil }
        return try? KubeObject(value)
    }

    /// Deletes every object the selectors match in `namespace`.
    public func deleteCollection(
        _ resource: GroupVersionResource, namespace: String?, selecting list: ListOptions = ListOptions(), options: DeleteOptions = DeleteOptions()
    ) async throws(KubeError) {
        let path = Self.path(resource, namespace: namespace, name: nil, subresource: nil)
        _ = try await send(
            "DELETE", path, query: list.query, body: Array(JSONWriter.string(options.body).utf8), verb: "deletecollection", resource: resource)
    }

    // MARK: - Verbs by object

    /// The resource serving `object`'s kind, from discovery.
    public func resource(for object: KubeObject) async throws(KubeError) -> APIResource {
        try await discovery.resource(for: object.groupVersionKind)
    }

    /// Creates `object`, in its namespace (or the configured one, for namespaced kinds).
    public func create(_ object: KubeObject, options: WriteOptions = WriteOptions()) async throws(KubeError) -> KubeObject {
        let (resource, namespace) = try await target(of: object)
        return try await create(resource.groupVersionResource, namespace: namespace, object, options: options)
    }

    /// Replaces `object`.
    public func update(_ object: KubeObject, subresource: String? = nil, options: WriteOptions = WriteOptions()) async throws(KubeError) -> KubeObject {
        let (resource, namespace) = try await target(of: object)
        return try await update(resource.groupVersionResource, namespace: namespace, object, subresource: subresource, options: options)
    }

    /// Reads the live state of `object` (by kind, namespace and name).
    public func get(_ object: KubeObject) async throws(KubeError) -> KubeObject {
        let (resource, namespace) = try await target(of: object)
        return try await get(resource.groupVersionResource, namespace: namespace, name: object.name)
    }

    /// Deletes `object`.
    @discardableResult
    public func delete(_ object: KubeObject, options: DeleteOptions = DeleteOptions()) async throws(KubeError) -> KubeObject? {
        let (resource, namespace) = try await target(of: object)
        return try await delete(resource.groupVersionResource, namespace: namespace, name: object.name, options: options)
    }

    /// The resource and namespace an object goes to.
    func target(of object: KubeObject) async throws(KubeError) -> (APIResource, String?) {
        let resource = try await resource(for: object)
        guard resource.namespaced else { return (resource, nil) }
        let namespace = object.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? configuration.namespace
        return (resource, namespace)
    }

    // MARK: - Requests

    /// The REST path of a resource, collection or object.
    static func path(_ resource: GroupVersionResource, namespace: String?, name: String?, subresource: String?) -> String {
        var path = resource.basePath
        if let namespace, !namespace.isEmpty { path += "/namespaces/\(namespace)" }
        path += "/\(resource.resource)"
        if let name { path += "/\(name)" }
        if let subresource { path += "/\(subresource)" }
        return path
    }

    func send(
        _ method: String, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil, contentType: String? = nil, verb: String,
        resource: GroupVersionResource, subresource: String? = nil
    ) async throws(KubeError) -> KubeResponse {
        try await transport.send(
            KubeRequest(
                method: method, path: path, query: query, body: body, contentType: contentType, verb: verb,
                resource: subresource.map { "\(resource.resource)/\($0)" } ?? resource.resource))
    }

    private func object(_ response: KubeResponse) throws(KubeError) -> KubeObject {
        do {
            return try KubeObject(try JSONParser.parse(bytes: response.body))
        } catch {
            throw KubeError(.badResponse, "the server's answer is not a Kubernetes object: \(error)")
        }
    }

    static func parse(_ body: [UInt8], request: String) throws(KubeError) -> JSONValue {
        do {
            return try JSONParser.parse(bytes: body)
        } catch {
            throw KubeError(.badResponse, "the answer is not JSON: \(error)", request: request)
        }
    }

    /// Reads a `...List`, giving every item the `apiVersion` and `kind` the server leaves out.
    static func decodeList(_ body: [UInt8], request: String) throws(KubeError) -> ObjectList {
        let list = try parse(body, request: request)
        let apiVersion = list["apiVersion"]?.stringValue ?? ""
        var kind = list["kind"]?.stringValue ?? ""
        if kind.hasSuffix("List") { kind.removeLast(4) }
        var items: [KubeObject] = []
        items.reserveCapacity(list["items"]?.arrayValue?.count ?? 0)
        for var item in list["items"]?.arrayValue ?? [] {
            if item["apiVersion"] == nil { item["apiVersion"] = .string(apiVersion) }
            if item["kind"] == nil { item["kind"] = .string(kind) }
            guard let object = try? KubeObject(item) else {
                throw KubeError(.badResponse, "a list item is not a Kubernetes object", request: request)
            }
            items.append(object)
        }
        let token = list[path: ["metadata", "continue"]]?.stringValue
        return ObjectList(
            items: items, resourceVersion: list[path: ["metadata", "resourceVersion"]]?.stringValue ?? "",
            continueToken: token.flatMap { $0.isEmpty ? nil : $0 })
    }
}
