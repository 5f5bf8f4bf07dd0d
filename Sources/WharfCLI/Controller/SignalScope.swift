import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work until it ends or the process gets SIGINT or SIGTERM, which cancel it (so that
/// `wharf controller` stops cleanly on Ctrl-C or from a process supervisor).
enum SignalScope {
    static func run(_ body: @escaping @Sendable () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await body() }
            group.addTask {
                let (signals, continuation) = AsyncStream.makeStream(of: Int32.self)
                var sources: [any DispatchSourceSignal] = []
                for number in [SIGINT, SIGTERM] {
                    signal(number, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: number)
                    source.setEventHandler { continuation.yield(number) }
                    source.resume()
                    sources.append(source)
                }
                for await _ in signals { break }
                for source in sources { source.cancel() }
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
