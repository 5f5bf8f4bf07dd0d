import Hummingbird
import NIOCore
import NIOSSL

/// The request context of the cluster's HTTPS server: Hummingbird's core context plus the channel the
/// request arrived on, from which the client certificate the TLS handshake verified is read.
struct ClusterRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The TLS connection for HTTP/1.1; for HTTP/2, the request's stream, a child of the connection.
    private let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }

    /// The DER bytes of the client's certificate, already verified against the cluster CA, or nil when
    /// the client sent none.
    func clientCertificateDER() async -> [UInt8]? {
        // An HTTP/2 stream has no TLS handler of its own: it is on the parent connection.
        var current: (any Channel)? = channel
        while let candidate = current {
            let certificate: NIOSSLCertificate?
            do {
                certificate = try await candidate.nioSSL_peerCertificate().get()
            } catch {
                current = candidate.parent
                continue
            }
            return try? certificate?.toDERBytes()
        }
        return nil
    }
}
