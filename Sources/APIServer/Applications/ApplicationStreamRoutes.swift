import AppController
import Foundation
import HTTPTypes
import KubeClient
import KubeModel

/// The live views: `/api/v1/stream/applications` (every change of the applications the caller may
/// see, as Server-Sent Events — the UI's `EventSource`), the resource tree, once or as a stream,
/// and the application's events.
struct ApplicationStreamRoutes {
    let services: APIServices

    /// How often an idle stream sends a comment, so that proxies keep it open and a client that went
    /// away is noticed.
    static let heartbeat: Duration = .seconds(20)

    var routes: [APIRoute] {
        let tag = "ApplicationService"
        return [
            APIRoute(.get, "/api/v1/stream/applications", tag: tag, summary: "Application changes as Server-Sent Events", query: ["name", "projects", "selector", "fields", "resourceVersion"]) {
                try await watch($0)
            },
            APIRoute(.get, "/api/v1/applications/{name}/resource-tree", tag: tag, summary: "The application's resources and what they own") { request in
                let application = try await services.application(request.parameter("name"))
                try services.authorize(request.caller, "applications", "get", ApplicationRoutes.object(application))
                return .json(await ResourceTree.build(application, client: services.client))
            },
            APIRoute(.get, "/api/v1/stream/applications/{name}/resource-tree", tag: tag, summary: "The resource tree as Server-Sent Events, sent again when the application changes") {
                try await watchTree($0)
            },
            APIRoute(
                .get, "/api/v1/applications/{name}/events", tag: tag, summary: "Kubernetes events about the application, or about one resource in its tree",
                query: ["resourceNamespace", "resourceName", "resourceUID"]
            ) { try await events($0) },
        ]
    }

    private func watch(_ request: APIRequest) async throws -> APIResponse {
        let caller = try request.requireCaller()
        let name = request.queryValue("name").flatMap { $0.isEmpty ? nil : $0 }
        let projects = Set(request.queryValues("projects"))
        let selector: LabelSelector?
        do {
            selector = try request.queryValue("selector").flatMap { $0.isEmpty ? nil : try LabelSelector(parsing: $0) }
        } catch {
            throw APIError.invalid("parameter selector: \(error)")
        }
        let mask = FieldMask(request.queryValue("fields"))
        // As upstream: with a resourceVersion (a client that lists for itself) the current
        // applications are not sent first, only changes; a single application's watch always gets
        // its current state. The subscription starts before the answer's head goes out, so a client
        // that lists once the stream is open misses nothing in between.
        let replay = (request.queryValue("resourceVersion") ?? "").isEmpty || name != nil
        let events = await services.applications.events(replayingCache: replay)
        let services = services
        return .eventStream { sink in
            try await Self.withHeartbeat(sink) {
                for await event in events {
                    let application = event.object
                    if let name, application.name != name { continue }
                    if !projects.isEmpty && !projects.contains(ApplicationRoutes.project(of: application)) { continue }
                    if let selector, !selector.matches(application.labels) { continue }
                    // Permissions are judged on each event with the settings of the moment.
                    guard services.settings.current.authorizer.allows(caller, resource: "applications", action: "get", object: ApplicationRoutes.object(application))
                    else { continue }
                    let type = switch event {
                    case .added: "ADDED"
                    case .updated: "MODIFIED"
                    case .deleted: "DELETED"
                    }
                    let result: JSONValue = ["result": ["type": .string(type), "application": application.content]]
                    try await sink.send(mask.map { $0.apply(to: result) } ?? result)
                }
            }
        }
    }

    private func watchTree(_ request: APIRequest) async throws -> APIResponse {
        let name = request.parameter("name")
        let first = try await services.application(name)
        try services.authorize(request.caller, "applications", "get", ApplicationRoutes.object(first))
        let services = services
        return .eventStream { sink in
            try await Self.withHeartbeat(sink) {
                var lastVersion: String?
                for await event in await services.applications.events() where event.object.name == name {
                    if case .deleted = event { return }
                    // The tree follows the application's status; unchanged versions send nothing.
                    guard event.object.resourceVersion != lastVersion else { continue }
                    lastVersion = event.object.resourceVersion
                    try await sink.send(["result": await ResourceTree.build(event.object, client: services.client)])
                }
            }
        }
    }

    /// The application's own events, or — with `resourceName` (and `resourceNamespace`,
    /// `resourceUID`) — those of one resource in its tree, as upstream's resource panel asks; a
    /// resource outside the tree is refused, so the route cannot read other namespaces' events.
    private func events(_ request: APIRequest) async throws -> APIResponse {
        let application = try await services.application(request.parameter("name"))
        try services.authorize(request.caller, "applications", "get", ApplicationRoutes.object(application))
        let resourceName = request.queryValue("resourceName").flatMap { $0.isEmpty ? nil : $0 }
        let resourceUID = request.queryValue("resourceUID").flatMap { $0.isEmpty ? nil : $0 }
        var namespace = services.namespace
        var selector = "involvedObject.name=\(application.name)"
        if resourceName != nil || resourceUID != nil {
            let resourceNamespace = request.queryValue("resourceNamespace") ?? ""
            let nodes = await ResourceTree.build(application, client: services.client)["nodes"]?.arrayValue ?? []
            let found = nodes.first { node in
                (resourceName == nil || node["name"]?.stringValue == resourceName) && (resourceUID == nil || node["uid"]?.stringValue == resourceUID)
                    && (node["namespace"]?.stringValue ?? "") == resourceNamespace
            }
            guard let found else {
                throw APIError.notFound("\(resourceName ?? resourceUID ?? "") not found as part of application \(application.name)")
            }
            namespace = resourceNamespace
            selector = "involvedObject.name=\(found["name"]?.stringValue ?? "")"
            if let uid = found["uid"]?.stringValue, !uid.isEmpty { selector += ",involvedObject.uid=\(uid)" }
        }
        let options = ListOptions(fieldSelector: selector)
        let list = try await services.cluster { () async throws(KubeError) in
            try await services.client.list(GroupVersionResource(group: "", version: "v1", resource: "events"), namespace: namespace.isEmpty ? nil : namespace, options: options)
        }
        return .json(["items": .array(list.items.map(\.content))])
    }

    /// Runs `body` while a heartbeat comment goes out every ``heartbeat``; whichever ends first ends both.
    private static func withHeartbeat(_ sink: EventSink, _ body: @escaping @Sendable () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await body() }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: heartbeat)
                    try await sink.comment()
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
