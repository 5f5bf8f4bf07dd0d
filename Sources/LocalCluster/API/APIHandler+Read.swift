import Foundation
public import KubeModel

extension APIHandler {
    /// GET one object (or its `status`/`scale` view).
    func get(_ target: ResourceRequest, name: String, _ request: APIRequest) async throws(APIError) -> APIResponse {
        guard let stored = await store.get(key(target.info, namespace: target.namespace, name: name)) else {
            throw APIError.notFound(target.info, name: name)
        }
        if target.subresource == "scale" {
            return .json(status: 200, ScaleView.scale(of: stored.object(), info: target.info))
        }
        if request.wantsTable {
            return .json(status: 200, TableView.table(for: target.info, objects: [stored.object()], resourceVersion: nil, now: now()))
        }
        return .bytes(status: 200, contentType: "application/json", stored.json)
    }

    /// The filter a list or watch request describes.
    func filter(_ target: ResourceRequest, _ request: APIRequest) throws(APIError) -> WatchFilter {
        var filter = WatchFilter(storage: target.info.storageKey, namespace: target.namespace.isEmpty ? nil : target.namespace)
        if let labelSelector = request.query["labelSelector"], !labelSelector.isEmpty {
            do {
                filter.labelSelector = try LabelSelector(parsing: labelSelector)
            } catch {
                throw APIError.badRequest("unable to parse requirement: \(error)")
            }
        }
        if let fieldSelector = request.query["fieldSelector"], !fieldSelector.isEmpty {
            filter.fieldSelector = try FieldSelectorSupport.validate(fieldSelector, for: target.info)
        }
        return filter
    }

    /// GET a collection: every matching object, in pages when `limit` is given.
    func list(_ target: ResourceRequest, _ request: APIRequest) async throws(APIError) -> APIResponse {
        let filter = try filter(target, request)
        let (allItems, resourceVersion) = await store.list(filter)
        var items = allItems[...]
        if let token = request.query["continue"], !token.isEmpty {
            let after = try ContinueToken.decode(token)
            items = items.drop { $0.0 <= after }
        }
        var nextToken: String?
        if let limit = request.query["limit"].flatMap(Int.init), limit > 0, items.count > limit {
            items = items.prefix(limit)
            nextToken = items.last.map { ContinueToken.encode($0.0) }
        }
        if request.wantsTable {
            return .json(
                status: 200,
                TableView.table(for: target.info, objects: items.map { $0.1.object() }, resourceVersion: resourceVersion, now: now(), continueToken: nextToken))
        }
        var output: [UInt8] = []
        output.reserveCapacity(items.reduce(128) { $0 + $1.1.json.count + 1 })
        var metadata = "\"resourceVersion\":\"\(resourceVersion)\""
        if let nextToken { metadata += ",\"continue\":\"\(nextToken)\"" }
        output += Array("{\"kind\":\"\(target.info.kind)List\",\"apiVersion\":\"\(target.info.apiVersion)\",\"metadata\":{\(metadata)},\"items\":[".utf8)
        for (position, item) in items.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            output += item.1.json
        }
        output += Array("]}".utf8)
        return .bytes(status: 200, contentType: "application/json", output)
    }

    /// GET with `watch=true`: a stream of events, one JSON object per line.
    func watch(_ target: ResourceRequest, _ request: APIRequest) async throws(APIError) -> APIResponse {
        let filter = try filter(target, request)
        let from = request.query["resourceVersion"].flatMap(Int64.init)
        let timeout = request.query["timeoutSeconds"].flatMap(Int.init).map { Duration.seconds($0) }
        let events: AsyncStream<WatchEvent>
        do {
            events = try await store.watch(filter, from: from)
        } catch {
            // Upstream answers 200 and reports the expiry as the stream's only event.
            let line = JSONWriter.string(["type": "ERROR", "object": error.status]) + "\n"
            return .watch(WatchResponse(prelude: Array(line.utf8), events: nil, timeout: timeout, encode: { _, _ in [] }))
        }
        let info = target.info
        let clock = now
        let encode: @Sendable (WatchEvent, Bool) -> [UInt8]
        if request.wantsTable {
            encode = { event, first in
                let object = TableView.table(
                    for: info, objects: [event.object.object()], resourceVersion: event.object.resourceVersion, now: clock(),
                    includeColumns: first)
                return WatchResponse.line(type: event.type, object: Array(JSONWriter.string(object).utf8))
            }
        } else {
            encode = { event, _ in WatchResponse.line(type: event.type, object: event.object.json) }
        }
        return .watch(WatchResponse(prelude: nil, events: events, timeout: timeout, encode: encode))
    }
}
