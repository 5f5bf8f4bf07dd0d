/// Why a cluster Secret cannot be used. Names the Secret and the key, never a credential.
public struct ClusterSecretError: Error, Sendable, CustomStringConvertible {
    /// The Secret.
    public let secret: String
    /// What is wrong and what to do.
    public let message: String

    init(secret: String, _ message: String) {
        self.secret = secret
        self.message = message
    }

    public var description: String { "cluster secret \(secret): \(message)" }
}
