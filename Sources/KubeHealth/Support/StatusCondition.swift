import KubeModel

/// One entry of a `status.conditions` list, as most Kubernetes controllers write it.
///
/// Missing fields read as empty strings, as they do when upstream decodes into typed structs, so
/// checks compare against empty values exactly as upstream's do.
struct StatusCondition: Sendable, Equatable {
    var type: String
    var status: String
    var reason: String
    var message: String

    init(type: String, status: String, reason: String = "", message: String = "") {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
    }

    /// Reads one condition; nil when `json` is not an object.
    init?(json: JSONValue) {
        guard json.objectValue != nil else { return nil }
        self.init(
            type: json.string(at: "type"),
            status: json.string(at: "status"),
            reason: json.string(at: "reason"),
            message: json.string(at: "message")
        )
    }

    /// Whether `status` is `"True"`.
    var isTrue: Bool { status == "True" }

    /// The conditions of an object's `status.conditions`, in order; empty when absent.
    static func all(in object: JSONValue) -> [StatusCondition] {
        list(object[path: ["status", "conditions"]])
    }

    /// The conditions in a JSON array, skipping entries that are not objects.
    static func list(_ json: JSONValue?) -> [StatusCondition] {
        json?.arrayValue?.compactMap(StatusCondition.init(json:)) ?? []
    }

    /// The first condition of `type` in an object's `status.conditions`.
    static func first(_ type: String, in object: JSONValue) -> StatusCondition? {
        all(in: object).first { $0.type == type }
    }
}
