import Hummingbird
import Logging
import Synchronization

/// A request the receiver accepted.
struct ReceivedRequest: Sendable, Equatable {
    let method: String
    let path: String
    let body: String
}

/// A tiny HTTP server on 127.0.0.1 that records what notification services post to it, and can
/// answer 500 to the first requests to play a failing service.
final class WebhookReceiver: Sendable {
    private let state = Mutex<(accepted: [ReceivedRequest], attempts: Int, failuresLeft: Int)>(([], 0, 0))

    /// The requests answered with 200, in order.
    var accepted: [ReceivedRequest] { state.withLock { $0.accepted } }
    /// Every request received, including refused ones.
    var attempts: Int { state.withLock { $0.attempts } }

    /// Answers the next `count` requests with 500.
    func failNext(_ count: Int) { state.withLock { $0.failuresLeft = count } }

    private func receive(_ request: ReceivedRequest) -> HTTPResponse.Status {
        state.withLock { state in
            state.attempts += 1
            if state.failuresLeft > 0 {
                state.failuresLeft -= 1
                return .internalServerError
            }
            state.accepted.append(request)
            return .ok
        }
    }

    /// Waits (up to `timeout`) until `count` requests were accepted; returns them.
    func waitForAccepted(_ count: Int, timeout: Duration = .seconds(30)) async throws -> [ReceivedRequest] {
        let deadline = ContinuousClock.now + timeout
        while accepted.count < count && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        return accepted
    }

    /// Hummingbird reports a cancelled server's shutdown at error level; the tests stop it that way on purpose.
    private static let quietLogger: Logger = {
        var logger = Logger(label: "webhook-receiver")
        logger.logLevel = .critical
        return logger
    }()

    /// Starts a receiver, runs `body` with it and its base URL, then stops it.
    static func with<T: Sendable>(_ body: (WebhookReceiver, String) async throws -> T) async throws -> T {
        let receiver = WebhookReceiver()
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var request = request
            let bytes = try await request.collectBody(upTo: 1024 * 1024)
            let status = receiver.receive(
                ReceivedRequest(method: request.method.rawValue, path: request.uri.path, body: String(buffer: bytes)))
            return Response(status: status)
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = Application(
            responder: responder, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: Self.quietLogger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.runService() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            defer { group.cancelAll() }
            return try await body(receiver, "http://127.0.0.1:\(port)")
        }
    }
}
