import Foundation

/// The credentials a request carries, kept fresh: a token file is re-read (service-account tokens
/// rotate), an exec plugin is run again when its credential expires, and both are refreshed at
/// once after a 401.
actor CredentialSource {
    /// A client certificate and key, PEM.
    struct Identity: Sendable, Equatable {
        var certificatePEM: [UInt8]
        var keyPEM: [UInt8]
    }

    private let user: Kubeconfig.User
    private let plugin: ExecCredentialPlugin?
    private var fileToken: (value: String, readAt: ContinuousClock.Instant)?
    private var execCredential: ExecCredential?
    /// How long a token read from a file is trusted before reading it again (client-go uses a minute).
    private let fileTokenLifetime: Duration = .seconds(60)

    init(user: Kubeconfig.User, cluster: Kubeconfig.Cluster) {
        self.user = user
        plugin = user.exec.map { ExecCredentialPlugin(plugin: $0, cluster: cluster) }
    }

    /// The `Authorization` header value, or nil to send none.
    func authorization() async throws(KubeError) -> String? {
        if let token = user.token { return "Bearer \(token)" }
        if let path = user.tokenFile { return "Bearer \(try readTokenFile(path))" }
        if plugin != nil, let token = try await currentExecCredential().token { return "Bearer \(token)" }
        if let username = user.username, let password = user.password {
            return "Basic \(Data("\(username):\(password)".utf8).base64EncodedString())"
        }
        return nil
    }

    /// The client certificate to present, from the kubeconfig or the exec plugin.
    func identity() async throws(KubeError) -> Identity? {
        if let certificate = user.clientCertificatePEM, let key = user.clientKeyPEM {
            return Identity(certificatePEM: certificate, keyPEM: key)
        }
        if plugin != nil, case let credential = try await currentExecCredential(),
            let certificate = credential.clientCertificatePEM, let key = credential.clientKeyPEM
        {
            return Identity(certificatePEM: certificate, keyPEM: key)
        }
        return nil
    }

    /// Forgets cached credentials after the server rejected them, so the next request reads or runs afresh.
    /// - Returns: Whether anything could be refreshed (a static token cannot).
    func invalidate() -> Bool {
        let refreshable = user.tokenFile != nil || plugin != nil
        fileToken = nil
        execCredential = nil
        return refreshable
    }

    private func readTokenFile(_ path: String) throws(KubeError) -> String {
        if let fileToken, ContinuousClock.now - fileToken.readAt < fileTokenLifetime { return fileToken.value }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KubeError(.configuration, "token file \(path) cannot be read")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw KubeError(.configuration, "token file \(path) is empty") }
        fileToken = (token, .now)
        return token
    }

    private func currentExecCredential() async throws(KubeError) -> ExecCredential {
        if let execCredential, execCredential.isFresh { return execCredential }
        guard let plugin else { throw KubeError(.configuration, "no exec plugin is configured") }
        let fresh = try await plugin.run()
        execCredential = fresh
        return fresh
    }
}
