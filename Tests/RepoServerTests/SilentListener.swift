import ClusterTestSupport
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback TCP port that accepts connections (the kernel completes them from the backlog) and
/// never says a word: a remote that hangs, for showing that git commands end at their timeout.
final class SilentListener: Sendable {
    /// The port.
    let port: UInt16
    private let socket: Int32

    /// Listens on a free loopback port.
    init() throws {
        #if canImport(Glibc)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw ServerProcess.Failure("cannot create a socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let socket = self.socket
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && listen(socket, 16) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else {
            close(socket)
            throw ServerProcess.Failure("cannot listen on a loopback port")
        }
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(socket) }
}
