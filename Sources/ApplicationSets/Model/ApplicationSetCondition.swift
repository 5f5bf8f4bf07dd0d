import KubeModel

/// One `status.conditions` entry of an ApplicationSet, as upstream writes them.
struct ApplicationSetCondition: Sendable, Equatable {
    var type: String
    var status: Bool
    var reason: String
    var message: String

    /// The JSON form; `lastTransitionTime` is kept from `previous` when the condition did not change,
    /// so that an unchanged status writes nothing.
    func json(previous: [JSONValue], now: String) -> JSONValue {
        let statusText = status ? "True" : "False"
        let old = previous.first { $0["type"]?.stringValue == type }
        let unchanged = old?["status"]?.stringValue == statusText && old?["reason"]?.stringValue == reason && old?["message"]?.stringValue == message
        let time = unchanged ? (old?["lastTransitionTime"]?.stringValue ?? now) : now
        return [
            "type": .string(type), "status": .string(statusText), "reason": .string(reason), "message": .string(message),
            "lastTransitionTime": .string(time),
        ]
    }
}
