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
        var after: ObjectKey?
        var listVersion: Int64?
        if let token = request.query["continue"], !token.isEmpty {
            let continued = try ContinueToken(decoding: token)
            if continued.resourceVersion != ContinueToken.latest {
                if await store.hasCompacted(continued.resourceVersion) { return Self.expiredContinue(after: continued.after) }
                // Every page reports the first page's version, so that a watch from the last page's
                // version replays whatever changed while the pages were fetched.
                listVersion = continued.resourceVersion
            }
            after = continued.after
        }
        let limit = request.query["limit"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
        let page = await store.list(filter, after: after, limit: limit)
        let items = page.items
        let resourceVersion = listVersion ?? page.resourceVersion
        let nextToken = page.hasMore ? items.last.map { ContinueToken(after: $0.0, resourceVersion: resourceVersion).encoded } : nil
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

    /// 410 Expired for a continue token whose list version has left the history, with upstream's message
    /// and a token that continues at the current state for clients that accept an inconsistent list.
    private static func expiredContinue(after: ObjectKey) -> APIResponse {
        var status = APIError.expired(
            "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list."
        ).status
        status[path: ["metadata", "continue"]] = .string(ContinueToken(after: after, resourceVersion: ContinueToken.latest).encoded)
        return .json(status: 410, status)
    }

    /// GET with `watch=true`: a stream of events, one JSON object per line, with BOOKMARK events when
    /// the client allows them (`allowWatchBookmarks=true`).
    func watch(_ target: ResourceRequest, _ request: APIRequest) async throws(APIError) -> APIResponse {
        let filter = try filter(target, request)
        let from = request.query["resourceVersion"].flatMap(Int64.init)
        let timeout = request.query["timeoutSeconds"].flatMap(Int.init).map { Duration.seconds($0) }
        let events: AsyncStream<WatchEvent>
        do {
            events = try await store.watch(filter, from: from, bookmarks: request.flag("allowWatchBookmarks"))
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
                if event.type == .bookmark {
                    return WatchResponse.bookmark(kind: "Table", apiVersion: "meta.k8s.io/v1", resourceVersion: event.object.resourceVersion)
                }
                let object = TableView.table(
                    for: info, objects: [event.object.object()], resourceVersion: event.object.resourceVersion, now: clock(),
                    includeColumns: first)
                return WatchResponse.line(type: event.type, object: Array(JSONWriter.string(object).utf8))
            }
        } else {
            encode = { event, _ in
                event.type == .bookmark
                    ? WatchResponse.bookmark(kind: info.kind, apiVersion: info.apiVersion, resourceVersion: event.object.resourceVersion)
                    : WatchResponse.line(type: event.type, object: event.object.json)
            }
        }
        return .watch(WatchResponse(prelude: nil, events: events, timeout: timeout, encode: encode))
    }
}
