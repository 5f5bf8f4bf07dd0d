import KubeModel
import RepoServer
import SyncEngine

/// The parts of an `argoproj.io/v1alpha1` Application the controller acts on, read from the object
/// (which is kept whole, so that unknown fields survive every write).
struct ApplicationView: Sendable {
    /// The object as read.
    let object: KubeObject
    var name: String { object.name }
    var namespace: String { object.namespace ?? "" }
    var project: String { object[path: "spec", "project"]?.stringValue ?? "" }
    var destinationServer: String? { object[path: "spec", "destination", "server"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
    var destinationName: String? { object[path: "spec", "destination", "name"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
    var destinationNamespace: String { object[path: "spec", "destination", "namespace"]?.stringValue ?? "" }
    var automated: JSONValue? {
        guard let automated = object[path: "spec", "syncPolicy", "automated"], automated.objectValue != nil else { return nil }
        // `enabled: false` turns automation off while keeping its settings.
        return automated["enabled"]?.boolValue == false ? JSONValue?.none : automated
    }
    var autoPrune: Bool { automated?["prune"]?.boolValue ?? false }
    var selfHeal: Bool { automated?["selfHeal"]?.boolValue ?? false }
    var allowEmpty: Bool { automated?["allowEmpty"]?.boolValue ?? false }
    var syncOptions: [String] { (object[path: "spec", "syncPolicy", "syncOptions"]?.arrayValue ?? []).compactMap(\.stringValue) }
    var ignoreDifferences: [IgnoreDifference] { (object[path: "spec", "ignoreDifferences"]?.arrayValue ?? []).map(IgnoreDifference.init) }
    var revisionHistoryLimit: Int { object[path: "spec", "revisionHistoryLimit"]?.int64Value.map(Int.init) ?? 10 }
    /// The requested operation (`operation` at the top level, as upstream).
    var operation: JSONValue? { object["operation"].flatMap { $0.isNull ? nil : $0 } }
    var operationState: JSONValue? { object[path: "status", "operationState"] }
    var isDeleting: Bool { object.isBeingDeleted }
    /// The `argocd.argoproj.io/refresh` annotation (`normal` or `hard`).
    var refreshRequest: String? { object.annotation("argocd.argoproj.io/refresh") }

    /// The sources: `spec.sources`, or `spec.source` alone.
    func sources() throws(SourceError) -> [ApplicationSource] {
        try Self.sources(in: object["spec"] ?? .emptyObject, field: "spec")
    }

    /// The sources a sync operation deploys: those it names itself (a rollback names the sources of
    /// a history entry), otherwise the spec's.
    func sources(of sync: JSONValue) throws(SourceError) -> [ApplicationSource] {
        Self.namesSources(sync) ? try Self.sources(in: sync, field: "operation.sync") : try sources()
    }

    /// What holds the `source`/`sources` a sync operation deploys: the operation, or the spec.
    func sourceHolder(of sync: JSONValue) -> JSONValue {
        Self.namesSources(sync) ? sync : object["spec"] ?? .emptyObject
    }

    private static func namesSources(_ sync: JSONValue) -> Bool {
        sync["sources"]?.arrayValue.map { !$0.isEmpty } ?? false || sync["source"].map { !$0.isNull } ?? false
    }

    /// `sources` or `source` of `container` (the spec, or a sync operation).
    private static func sources(in container: JSONValue, field: String) throws(SourceError) -> [ApplicationSource] {
        if let list = container["sources"]?.arrayValue, !list.isEmpty {
            var sources: [ApplicationSource] = []
            for (index, entry) in list.enumerated() { sources.append(try ApplicationSource(entry, field: "\(field).sources[\(index)]")) }
            return sources
        }
        guard let single = container["source"], !single.isNull else {
            throw SourceError("\(field).source: the application has no source; give \(field).source or \(field).sources")
        }
        return [try ApplicationSource(single, field: "\(field).source")]
    }
}
