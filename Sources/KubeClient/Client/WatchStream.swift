import AsyncHTTPClient
public import KubeModel
import NIOCore

/// The events of one watch request, in the order the server sent them. It ends when the server ends
/// the watch (its timeout), and throws when the connection breaks or the server reports an error
/// (such as `expired` for a version it no longer remembers).
public struct WatchStream: AsyncSequence, Sendable {
    public typealias Element = WatchEvent
    public typealias Failure = KubeError

    let response: HTTPClientResponse
    /// `apiVersion` and `kind` to fill in when an event's object lacks them (bookmarks).
    let apiVersion: String
    let kind: String
    let request: String

    public func makeAsyncIterator() -> Iterator {
        Iterator(body: response.body.makeAsyncIterator(), apiVersion: apiVersion, kind: kind, request: request)
    }

    /// Reads newline-delimited JSON events from the response body.
    public struct Iterator: AsyncIteratorProtocol {
        var body: HTTPClientResponse.Body.AsyncIterator
        let apiVersion: String
        let kind: String
        let request: String
        /// Bytes received and not yet decoded start at `start`; compacted once per chunk, not per line.
        private var pending: [UInt8] = []
        private var start = 0
        private var searchFrom = 0
        private var finished = false

        init(body: HTTPClientResponse.Body.AsyncIterator, apiVersion: String, kind: String, request: String) {
            self.body = body
            self.apiVersion = apiVersion
            self.kind = kind
            self.request = request
        }

        public mutating func next(isolation actor: isolated (any Actor)? = #isolation) async throws(KubeError) -> WatchEvent? {
            while true {
                if let newline = pending[Swift.max(start, searchFrom)...].firstIndex(of: UInt8(ascii: "\n")) {
                    let line = pending[start..<newline]
                    start = newline + 1
                    searchFrom = start
                    if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
                    return try decode(Array(line))
                }
                searchFrom = pending.count
                if finished {
                    guard start < pending.count else { return nil }
                    let line = Array(pending[start...])
                    start = pending.count
                    return try decode(line)
                }
                let chunk: ByteBuffer?
                do {
                    chunk = try await body.next(isolation: actor)
                } catch {
                    throw KubeError(.unreachable, "the watch connection broke: \(error)", request: request)
                }
                guard let chunk else {
                    finished = true
                    continue
                }
                if start > 0 {
                    pending.removeFirst(start)
                    searchFrom -= start
                    start = 0
                }
                pending += chunk.readableBytesView
            }
        }

        public mutating func next() async throws(KubeError) -> WatchEvent? {
            try await next(isolation: nil)
        }

        private func decode(_ line: [UInt8]) throws(KubeError) -> WatchEvent {
            let event: JSONValue
            do {
                event = try JSONParser.parse(bytes: line)
            } catch {
                throw KubeError(.badResponse, "a watch event is not JSON: \(error)", request: request)
            }
            let typeName = event["type"]?.stringValue ?? ""
            guard var object = event["object"], object.objectValue != nil else {
                throw KubeError(.badResponse, "a watch event has no object", request: request)
            }
            if typeName == "ERROR" { throw KubeError.fromWatchStatus(object, request: request) }
            guard let type = WatchEvent.EventType(rawValue: typeName) else {
                throw KubeError(.badResponse, "unknown watch event type \"\(typeName)\"", request: request)
            }
            if object["apiVersion"]?.stringValue?.isEmpty ?? true { object["apiVersion"] = .string(apiVersion) }
            if object["kind"]?.stringValue?.isEmpty ?? true { object["kind"] = .string(kind) }
            do {
                return WatchEvent(type: type, object: try KubeObject(object))
            } catch {
                throw KubeError(.badResponse, "a watch event's object is not a Kubernetes object: \(error)", request: request)
            }
        }
    }
}
