import Foundation
public import KubeModel

/// How the embedded cluster's own controllers read and write objects: through the same API semantics
/// as any client (validation, defaults, generation, finalizers, watch events), without HTTP.
public struct InProcessClient: Sendable {
    let handler: APIHandler
    /// The name writes are recorded under (the field manager), such as `deployment-controller`.
    public let userAgent: String

    /// Creates a client acting as `userAgent`.
    init(handler: APIHandler, userAgent: String) {
        self.handler = handler
        self.userAgent = userAgent
    }

    /// The store the API serves, for controllers' watches and indexed reads.
    public var store: ObjectStore { handler.store }

    /// The resource type serving a kind.
    public func resource(_ apiVersion: String, _ kind: String) throws(APIError) -> ResourceInfo {
        guard let info = handler.registry.resource(for: GroupVersionKind(apiVersion: apiVersion, kind: kind)) else {
            throw APIError.notFound(path: "\(apiVersion), Kind=\(kind)")
        }
        return info
    }

    /// The resource type stored under a storage key, if served.
    public func resource(storage: String) -> ResourceInfo? {
        handler.registry.allResources().first { $0.storageKey == storage }
    }

    /// One object, or nil when it does not exist.
    public func get(_ info: ResourceInfo, namespace: String, name: String) async -> JSONValue? {
        await store.get(handler.key(info, namespace: namespace, name: name))?.object()
    }

    /// The objects of a resource in a namespace (all namespaces with nil) matching a label selector.
    public func list(_ info: ResourceInfo, namespace: String?, selector: LabelSelector = LabelSelector()) async -> [JSONValue] {
        await store.list(WatchFilter(storage: info.storageKey, namespace: namespace, labelSelector: selector)).items.map { $0.1.object() }
    }

    /// Creates an object.
    @discardableResult
    public func create(_ object: JSONValue) async throws(APIError) -> JSONValue {
        let info = try resource(object)
        let namespace = object[path: ["metadata", "namespace"]]?.stringValue ?? ""
        return try await send(.post, path(info, namespace: namespace, name: nil), body: object)
    }

    /// Replaces an object (its status with `subresource: "status"`); fails with 409 if it changed since read.
    @discardableResult
    public func update(_ object: JSONValue, subresource: String? = nil) async throws(APIError) -> JSONValue {
        let info = try resource(object)
        let namespace = object[path: ["metadata", "namespace"]]?.stringValue ?? ""
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        return try await send(.put, path(info, namespace: namespace, name: name, subresource: subresource), body: object)
    }

    /// Deletes an object; a missing object is not an error.
    public func delete(_ info: ResourceInfo, namespace: String, name: String, propagationPolicy: String = "Background") async throws(APIError) {
        do {
            _ = try await send(.delete, path(info, namespace: namespace, name: name), body: ["propagationPolicy": .string(propagationPolicy)])
        } catch where error.code == 404 {
            return
        }
    }

    /// Reads, changes and writes back an object, retrying on conflicts; returns nil when it is gone.
    @discardableResult
    public func modify(
        _ info: ResourceInfo, namespace: String, name: String, subresource: String? = nil,
        _ change: (inout JSONValue) -> Void
    ) async throws(APIError) -> JSONValue? {
        for _ in 0..<10 {
            guard var object = await get(info, namespace: namespace, name: name) else { return nil }
            let before = object
            change(&object)
            if object == before { return object }
            do {
                return try await update(object, subresource: subresource)
            } catch where error.code == 409 {
                continue
            } catch where error.code == 404 {
                return nil
            }
        }
        throw APIError.conflict(info, name: name)
    }

    private func resource(_ object: JSONValue) throws(APIError) -> ResourceInfo {
        try resource(object["apiVersion"]?.stringValue ?? "", object["kind"]?.stringValue ?? "")
    }

    private func path(_ info: ResourceInfo, namespace: String, name: String?, subresource: String? = nil) -> String {
        var path = info.groupVersionResource.basePath
        if info.namespaced && !namespace.isEmpty { path += "/namespaces/\(namespace)" }
        path += "/\(info.resource)"
        if let name { path += "/\(name)" }
        if let subresource { path += "/\(subresource)" }
        return path
    }

    private func send(_ method: APIRequest.Method, _ path: String, body: JSONValue) async throws(APIError) -> JSONValue {
        let request = APIRequest(
            method: method, path: path, contentType: "application/json", userAgent: userAgent, body: Array(JSONWriter.string(body).utf8))
        switch await handler.handle(request) {
        case .json(let status, let value, _):
            if status >= 300 { throw Self.error(from: value, status: status) }
            return value
        case .bytes(let status, _, let bytes):
            let value = (try? JSONParser.parse(bytes: bytes)) ?? .null
            if status >= 300 { throw Self.error(from: value, status: status) }
            return value
        case .watch:
            throw APIError.internalError("unexpected watch response to \(method.rawValue) \(path)")
        }
    }

    private static func error(from status: JSONValue, status code: Int) -> APIError {
        APIError(
            code: code, reason: status["reason"]?.stringValue ?? "Unknown", message: status["message"]?.stringValue ?? "request failed",
            name: status[path: ["details", "name"]]?.stringValue)
    }
}
