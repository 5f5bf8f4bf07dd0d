public import KubeModel

/// The writes that ask the controller for an operation, as upstream's API server makes them: what
/// `argocd app rollback` and `argocd app terminate-op` send. The controller picks them up from the
/// Application object, so any client (API server, CLI in core mode, kubectl) can make them.
public enum OperationRequest {
    /// A merge patch that rolls `application` back to its history entry `id`: a sync to that entry's
    /// revision(s) and source(s). Refused, as upstream does, while automated sync is enabled (it would
    /// undo the rollback at once), while another operation runs, or when there is no such entry.
    public static func rollback(
        _ application: KubeObject, to id: Int, prune: Bool = false, dryRun: Bool = false, initiatedBy username: String = "admin"
    ) throws(OperationRequestError) -> JSONValue {
        let name = application.name
        if let automated = application[path: "spec", "syncPolicy", "automated"], automated.objectValue != nil,
            automated["enabled"]?.boolValue != false
        {
            throw OperationRequestError("rollback cannot be initiated when auto-sync is enabled")
        }
        if let operation = application["operation"], !operation.isNull {
            throw OperationRequestError("another operation is already in progress")
        }
        let history = application[path: "status", "history"]?.arrayValue ?? []
        guard let entry = history.first(where: { $0["id"]?.int64Value == Int64(id) }) else {
            throw OperationRequestError("application \(name) does not have deployment with id \(id)")
        }
        var sync: JSONValue = ["prune": .bool(prune), "dryRun": .bool(dryRun)]
        for key in ["revision", "revisions", "source", "sources"] { sync[key] = entry[key] }
        if let options = application[path: "spec", "syncPolicy", "syncOptions"] { sync["syncOptions"] = options }
        return ["operation": ["sync": sync, "initiatedBy": ["username": .string(username)]]]
    }

    /// A merge patch that asks the controller to stop the running operation of `application`.
    public static func terminate(_ application: KubeObject) throws(OperationRequestError) -> JSONValue {
        let running = application["operation"].map { !$0.isNull } ?? false
        guard running, application[path: "status", "operationState"] != nil else {
            throw OperationRequestError("Unable to terminate operation. No operation is in progress")
        }
        return ["status": ["operationState": ["phase": "Terminating"]]]
    }
}

extension OperationRequest {
    /// A merge patch that asks for a sync as upstream's API takes it (`SyncRequest`: `revision`,
    /// `revisions`, `prune`, `dryRun`, `strategy`, `resources`, `syncOptions.items`,
    /// `sourcePositions`, `retryStrategy`), initiated by `username`. Refused while another
    /// operation runs. The patch carries the application's resourceVersion, so it does not replace
    /// an operation someone else requested meanwhile.
    public static func sync(_ application: KubeObject, request: JSONValue, initiatedBy username: String) throws(OperationRequestError) -> JSONValue {
        if let operation = application["operation"], !operation.isNull {
            throw OperationRequestError("another operation is already in progress")
        }
        var sync: JSONValue = ["prune": .bool(request["prune"]?.boolValue ?? false)]
        if request["dryRun"]?.boolValue == true { sync["dryRun"] = true }
        if let revision = request["revision"]?.stringValue, !revision.isEmpty { sync["revision"] = .string(revision) }
        for key in ["revisions", "sourcePositions", "resources"] {
            if let list = request[key]?.arrayValue, !list.isEmpty { sync[key] = .array(list) }
        }
        if let strategy = request["strategy"], strategy.objectValue != nil { sync["syncStrategy"] = strategy }
        // Local manifests (`app sync --local`) replace what Git renders for this one sync; with
        // automation on, the next automated sync would undo them at once, so only a dry run may.
        if let manifests = request["manifests"]?.arrayValue, !manifests.isEmpty {
            if let automated = application[path: "spec", "syncPolicy", "automated"], automated.objectValue != nil,
                automated["enabled"]?.boolValue != false, sync["dryRun"] == nil
            {
                throw OperationRequestError("Cannot use local sync when Automatic Sync Policy is enabled unless for dry run")
            }
            guard manifests.allSatisfy({ $0.stringValue != nil }) else { throw OperationRequestError("manifests must be a list of strings, one object each") }
            sync["manifests"] = .array(manifests)
        }
        let options = request[path: ["syncOptions", "items"]]?.arrayValue ?? application[path: "spec", "syncPolicy", "syncOptions"]?.arrayValue ?? []
        if !options.isEmpty { sync["syncOptions"] = .array(options) }
        var operation: JSONValue = ["sync": sync, "initiatedBy": ["username": .string(username)]]
        if let retry = request["retryStrategy"], retry.objectValue != nil { operation["retry"] = retry }
        return ["operation": operation, "metadata": ["resourceVersion": application.resourceVersion.map(JSONValue.string) ?? .null]]
    }
}
