/// A watch in progress: the events to send and how to encode each as one line of JSON.
public struct WatchResponse: Sendable {
    /// Bytes to send before any event (an ERROR event when the watch could not start).
    public var prelude: [UInt8]?
    /// The events; nil when the response is only the prelude.
    public var events: AsyncStream<WatchEvent>?
    /// When the server ends the watch (`timeoutSeconds`); clients then re-watch.
    public var timeout: Duration?
    /// Encodes one event; the flag is true until the first object event is sent (Table watches send
    /// columns once).
    public var encode: @Sendable (WatchEvent, Bool) -> [UInt8]

    /// `{"type":TYPE,"object":OBJECT}` and a newline.
    static func line(type: WatchEvent.EventType, object: [UInt8]) -> [UInt8] {
        var line: [UInt8] = Array("{\"type\":\"\(type.rawValue)\",\"object\":".utf8)
        line += object
        line += Array("}\n".utf8)
        return line
    }

    /// A BOOKMARK event: an object of the watched kind carrying only the resource version the client
    /// has seen every change up to.
    static func bookmark(kind: String, apiVersion: String, resourceVersion: Int64) -> [UInt8] {
        line(
            type: .bookmark,
            object: Array("{\"kind\":\"\(kind)\",\"apiVersion\":\"\(apiVersion)\",\"metadata\":{\"resourceVersion\":\"\(resourceVersion)\"}}".utf8))
    }
}
