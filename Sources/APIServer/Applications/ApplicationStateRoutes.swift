import AppController
import Foundation
import HTTPTypes
import KubeClient
import KubeDiff
import KubeModel
import RepoServer

/// What an Application renders to and how that differs from the cluster: `/manifests` and
/// `/managed-resources`, as `argocd app manifests` and `argocd app diff` read them. Secret values
/// are masked in both, as upstream masks them.
struct ApplicationStateRoutes {
    let services: APIServices

    var routes: [APIRoute] {
        let tag = "ApplicationService"
        return [
            APIRoute(.get, "/api/v1/applications/{name}/manifests", tag: tag, summary: "The manifests the application renders to", query: ["revision"]) { try await manifests($0) },
            APIRoute(.get, "/api/v1/applications/{name}/managed-resources", tag: tag, summary: "Desired and live state of each resource, with diffs") { try await managed($0) },
        ]
    }

    private func render(_ request: APIRequest) async throws -> (KubeObject, [KubeObject], [String]) {
        let application = try await services.application(request.parameter("name"))
        try services.authorize(request.caller, "applications", "get", ApplicationRoutes.object(application))
        do throws(SourceError) {
            let rendered = try await ApplicationManifests.render(application, revision: request.queryValue("revision"), repo: services.repo, client: services.client)
            return (application, rendered.objects, rendered.revisions)
        } catch {
            throw APIError.invalid("application \(application.name) cannot be rendered: \(error.message)")
        }
    }

    private func manifests(_ request: APIRequest) async throws -> APIResponse {
        let (application, objects, revisions) = try await render(request)
        return .json([
            "manifests": .array(objects.map { .string(JSONWriter.string(Self.masked($0.content))) }),
            "revision": .string(revisions.first ?? ""), "namespace": application[path: "spec", "destination", "namespace"] ?? "",
            "server": application[path: "spec", "destination", "server"] ?? "",
        ])
    }

    private func managed(_ request: APIRequest) async throws -> APIResponse {
        let (application, desired, _) = try await render(request)
        var items: [JSONValue] = []
        var seen: Set<String> = []
        for object in desired {
            seen.insert(Self.identity(group: object.groupVersionKind.group, kind: object.kind, namespace: object.namespace ?? "", name: object.name))
            items.append(await item(desired: object.content, live: try? await services.client.get(object), object: object))
        }
        // Resources the application tracks that Git no longer has: what a prune would delete.
        for resource in application[path: "status", "resources"]?.arrayValue ?? [] {
            let group = resource["group"]?.stringValue ?? ""
            let kind = resource["kind"]?.stringValue ?? ""
            let namespace = resource["namespace"]?.stringValue ?? ""
            let name = resource["name"]?.stringValue ?? ""
            guard !seen.contains(Self.identity(group: group, kind: kind, namespace: namespace, name: name)) else { continue }
            let apiVersion = group.isEmpty ? (resource["version"]?.stringValue ?? "v1") : "\(group)/\(resource["version"]?.stringValue ?? "v1")"
            let reference = KubeObject(apiVersion: apiVersion, kind: kind, name: name, namespace: namespace.isEmpty ? nil : namespace)
            guard let live = try? await services.client.get(reference) else { continue }
            items.append(await item(desired: nil, live: live, object: live))
        }
        return .json(["items": .array(items)])
    }

    private func item(desired: JSONValue?, live: KubeObject?, object: KubeObject) async -> JSONValue {
        let result = try? Differ.diff(desired: desired, live: live?.content)
        func text(_ value: JSONValue?) -> JSONValue { .string(value.map { JSONWriter.string(Self.masked($0)) } ?? "null") }
        return [
            "group": .string(object.groupVersionKind.group), "kind": .string(object.kind), "namespace": .string(object.namespace ?? ""),
            "name": .string(object.name), "targetState": text(desired), "liveState": text(live?.content),
            "normalizedLiveState": text(result?.normalizedLive), "predictedLiveState": text(result?.predictedLive),
            "modified": .bool(result?.modified ?? true),
        ]
    }

    private static func identity(group: String, kind: String, namespace: String, name: String) -> String { "\(group)/\(kind)/\(namespace)/\(name)" }

    /// A Secret with each value replaced by a run of `+`, equal values by equal runs, so that a diff
    /// still shows which keys changed without showing any value.
    static func masked(_ value: JSONValue) -> JSONValue {
        guard value["kind"] == "Secret", value["apiVersion"] == "v1" else { return value }
        var result = value
        var masks: [String: String] = [:]
        for field in ["data", "stringData"] {
            guard let entries = value[field]?.objectValue else { continue }
            var maskedEntries = JSONObject()
            for (key, entry) in entries {
                let text = entry.stringValue ?? ""
                let mask = masks[text] ?? String(repeating: "+", count: 8 + masks.count)
                masks[text] = mask
                maskedEntries[key] = .string(mask)
            }
            result[field] = .object(maskedEntries)
        }
        // The last-applied annotation repeats the values.
        result[path: ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"]] = nil
        return result
    }
}
