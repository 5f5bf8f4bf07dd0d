import Foundation

extension WebhookRequest {
    /// Checks the delivery against the provider's configured secret. Without one anything passes, as
    /// upstream does: a delivery can only make Wharf look at Git sooner, never tell it what Git holds.
    func verify(_ provider: WebhookProvider, secrets: WebhookSecrets) throws(WebhookError) {
        switch provider {
        case .gitHub:
            guard !secrets.gitHub.isEmpty else { return }
            if let signature = headers["X-Hub-Signature-256"] {
                let digest = signature.hasPrefix("sha256=") ? String(signature.dropFirst(7)) : signature
                guard Signature.isHMACSHA256(digest, of: body, key: secrets.gitHub) else {
                    throw .wrongCredential(provider, "signature", header: "X-Hub-Signature-256")
                }
            } else if let signature = headers["X-Hub-Signature"] {
                guard signature.hasPrefix("sha1="), Signature.isHMACSHA1(String(signature.dropFirst(5)), of: body, key: secrets.gitHub) else {
                    throw .wrongCredential(provider, "signature", header: "X-Hub-Signature")
                }
            } else {
                throw .missingCredential(provider, "signature", header: "X-Hub-Signature-256")
            }
        case .gitLab:
            try requireToken(provider, "token", header: "X-Gitlab-Token", equalTo: secrets.gitLab)
        case .bitbucket:
            try requireToken(provider, "UUID", header: "X-Hook-UUID", equalTo: secrets.bitbucketUUID)
        case .bitbucketServer:
            guard !secrets.bitbucketServer.isEmpty else { return }
            guard let signature = headers["X-Hub-Signature"] else { throw .missingCredential(provider, "signature", header: "X-Hub-Signature") }
            guard signature.hasPrefix("sha256="), Signature.isHMACSHA256(String(signature.dropFirst(7)), of: body, key: secrets.bitbucketServer) else {
                throw .wrongCredential(provider, "signature", header: "X-Hub-Signature")
            }
        case .gogs:
            try requireHexSignature(provider, headerNames: ["X-Gogs-Signature"], key: secrets.gogs)
        case .gitea:
            // Gitea sends the same digest under both names; older releases only the Gogs one.
            try requireHexSignature(provider, headerNames: ["X-Gitea-Signature", "X-Gogs-Signature"], key: secrets.gogs)
        case .azureDevOps:
            try requireBasicAuthentication(username: secrets.azureDevOpsUsername, password: secrets.azureDevOpsPassword)
        }
    }

    private func requireToken(_ provider: WebhookProvider, _ credential: String, header: String, equalTo secret: String) throws(WebhookError) {
        guard !secret.isEmpty else { return }
        guard let token = headers[header] else { throw .missingCredential(provider, credential, header: header) }
        guard Signature.tokensEqual(token, secret) else { throw .wrongCredential(provider, credential, header: header) }
    }

    private func requireHexSignature(_ provider: WebhookProvider, headerNames: [String], key: String) throws(WebhookError) {
        guard !key.isEmpty else { return }
        guard let signature = headerNames.lazy.compactMap({ headers[$0] }).first else {
            throw .missingCredential(provider, "signature", header: headerNames[0])
        }
        guard Signature.isHMACSHA256(signature, of: body, key: key) else { throw .wrongCredential(provider, "signature", header: headerNames[0]) }
    }

    private func requireBasicAuthentication(username: String, password: String) throws(WebhookError) {
        guard !username.isEmpty || !password.isEmpty else { return }
        guard let authorization = headers["Authorization"] else {
            throw .missingCredential(.azureDevOps, "basic authentication", header: "Authorization")
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic", let decoded = Data(base64Encoded: String(parts[1])),
            let credentials = String(data: decoded, encoding: .utf8), let colon = credentials.firstIndex(of: ":")
        else {
            throw .wrongCredential(.azureDevOps, "basic authentication", header: "Authorization")
        }
        // Both halves are always compared so that timing does not tell which one was wrong.
        let userMatches = Signature.tokensEqual(String(credentials[..<colon]), username)
        let passwordMatches = Signature.tokensEqual(String(credentials[credentials.index(after: colon)...]), password)
        guard userMatches && passwordMatches else { throw .wrongCredential(.azureDevOps, "basic authentication", header: "Authorization") }
    }
}
