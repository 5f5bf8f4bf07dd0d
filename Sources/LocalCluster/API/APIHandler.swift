public import Foundation
public import KubeModel

/// The Kubernetes API semantics of the embedded cluster, independent of HTTP: resolves a request to a
/// resource, applies the verb against the store, and returns what a real API server would.
public struct APIHandler: Sendable {
    let store: ObjectStore
    let registry: ResourceRegistry
    let serverVersion: ServerVersion
    let now: @Sendable () -> Date
    /// Decides what each request's user may do; whoever serves the handler keeps its RBAC index current
    /// (``RBACAuthorizer/load(from:)`` and an ``RBACFollower``).
    let authorizer = RBACAuthorizer()

    /// Creates a handler over a store and the resources it serves.
    /// - Parameters:
    ///   - store: Where objects live.
    ///   - registry: Which resources are served.
    ///   - now: The clock for timestamps (injected so tests control it).
    public init(store: ObjectStore, registry: ResourceRegistry, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.registry = registry
        self.serverVersion = ServerVersion()
        self.now = now
    }

    /// Answers one request, if its user may make it; every failure becomes a `Status` response, never a
    /// thrown error.
    public func handle(_ request: APIRequest) async -> APIResponse {
        do {
            try authorize(request)
            return try await dispatch(request)
        } catch {
            return .error(error)
        }
    }

    private func dispatch(_ request: APIRequest) async throws(APIError) -> APIResponse {
        let target = try RequestTarget.resolve(request.path, registry: registry)
        if case .resource(let resourceRequest) = target {
            return try await handleResource(resourceRequest, request)
        }
        guard request.method == .get else {
            throw APIError.methodNotAllowed("the server does not allow this method on the requested resource")
        }
        switch target {
        case .version: return .json(status: 200, serverVersion.json)
        case .health: return .bytes(status: 200, contentType: "text/plain", Array("ok".utf8))
        case .coreVersions: return .json(status: 200, discoveryCoreVersions())
        case .groupList: return .json(status: 200, discoveryGroupList())
        case .group(let name): return .json(status: 200, try discoveryGroup(name))
        case .resourceList(let group, let version): return .json(status: 200, try discoveryResources(group: group, version: version))
        case .openAPIRoot: return .json(status: 200, OpenAPIDocuments.root(registry: registry))
        case .openAPIDocument(let group, let version):
            return .json(status: 200, try OpenAPIDocuments.document(group: group, version: version, registry: registry))
        case .openAPIv2:
            // kubectl reads v2 only as protobuf, and only for kinds v3 does not describe. An empty
            // message is a valid, empty OpenAPI v2 document: kubectl then finds no schema for an unknown
            // kind and goes on to report it as unknown ("no matches for kind"), as with a real server,
            // where a 404 here would make it fail validation with a misleading message.
            return .bytes(status: 200, contentType: "application/com.github.proto-openapi.spec.v2.v1.0+protobuf", [])
        case .resource: throw APIError.notFound(path: request.path)
        }
    }

    private func handleResource(_ target: ResourceRequest, _ request: APIRequest) async throws(APIError) -> APIResponse {
        guard target.info.verbs.contains(APIVerb(method: request.method, named: target.name != nil, watch: request.flag("watch"))) else {
            throw APIError.methodNotAllowed("the server does not allow this method on the requested resource")
        }
        switch target.info {
        case BuiltinResources.selfSubjectAccessReviews: return try accessReview(request)
        case BuiltinResources.selfSubjectRulesReviews: return try rulesReview(request)
        case BuiltinResources.selfSubjectReviews: return try userReview(request)
        default: break
        }
        switch (request.method, target.name) {
        case (.get, nil):
            return request.flag("watch") ? try await watch(target, request) : try await list(target, request)
        case (.get, .some(let name)):
            if request.flag("watch") {
                var narrowed = request
                narrowed.query["fieldSelector"] = "metadata.name=\(name)"
                var collection = target
                collection.name = nil
                return try await watch(collection, narrowed)
            }
            return try await get(target, name: name, request)
        case (.post, nil): return try await create(target, request)
        case (.put, .some(let name)): return try await update(target, name: name, request)
        case (.patch, .some(let name)): return try await patch(target, name: name, request)
        case (.delete, .some(let name)): return try await delete(target, name: name, request)
        case (.delete, nil): return try await deleteCollection(target, request)
        default:
            throw APIError.methodNotAllowed("the server does not allow this method on the requested resource")
        }
    }

    /// The key an object of `info` named `name` has in `namespace`.
    func key(_ info: ResourceInfo, namespace: String, name: String) -> ObjectKey {
        ObjectKey(storage: info.storageKey, namespace: info.namespaced ? namespace : "", name: name)
    }

    /// Reads a request body as JSON, YAML or Kubernetes protobuf.
    func decodeBody(_ request: APIRequest) throws(APIError) -> JSONValue {
        guard !request.body.isEmpty else { throw APIError.badRequest("the request body is empty; send a JSON object") }
        // kubectl's typed commands send protobuf and never retry as JSON, so it is decoded; kinds the
        // schema lacks, and CBOR, are answered with 415, the cue for other clients to resend as JSON.
        if let contentType = request.contentType, contentType.contains("protobuf") {
            do {
                return try KubeProtobufDecoder().decode(request.body)
            } catch .unknownKind {
                throw APIError.unsupportedMediaType("the body's media type \(contentType) is not supported for this kind; send application/json or application/yaml")
            } catch {
                throw APIError.badRequest("the request body is not valid: \(error)")
            }
        }
        if let contentType = request.contentType, contentType.contains("cbor") {
            throw APIError.unsupportedMediaType("the body's media type \(contentType) is not supported; send application/json or application/yaml")
        }
        do {
            if request.contentType?.contains("yaml") == true {
                return try YAMLReader.read(String(decoding: request.body, as: UTF8.self))
            }
            return try JSONParser.parse(bytes: request.body)
        } catch {
            throw APIError.badRequest("the request body is not valid: \(error)")
        }
    }
}
