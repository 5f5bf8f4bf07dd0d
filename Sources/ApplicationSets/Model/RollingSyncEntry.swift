import KubeModel

/// One `status.applicationStatus` entry: where an Application is in a RollingSync.
struct RollingSyncEntry: Sendable, Equatable {
    /// `Waiting` (has changes, not yet its turn), `Pending` (sync requested), `Progressing` (syncing),
    /// `Healthy` (done).
    enum Status: String, Sendable {
        case waiting = "Waiting"
        case pending = "Pending"
        case progressing = "Progressing"
        case healthy = "Healthy"
    }

    var application: String
    var status: Status
    var message: String
    /// The 1-based step, as upstream writes it (a string).
    var step: String
    var lastTransitionTime: String

    init(application: String, status: Status, message: String, step: String, lastTransitionTime: String) {
        self.application = application
        self.status = status
        self.message = message
        self.step = step
        self.lastTransitionTime = lastTransitionTime
    }

    init?(json: JSONValue) {
        guard let application = json["application"]?.stringValue, let status = json["status"]?.stringValue.flatMap(Status.init(rawValue:)) else { return nil }
        self.init(
            application: application, status: status, message: json["message"]?.stringValue ?? "", step: json["step"]?.stringValue ?? "",
            lastTransitionTime: json["lastTransitionTime"]?.stringValue ?? "")
    }

    var json: JSONValue {
        [
            "application": .string(application), "status": .string(status.rawValue), "message": .string(message), "step": .string(step),
            "lastTransitionTime": .string(lastTransitionTime),
        ]
    }
}
