import ArgumentParser
import Foundation
import KubeModel

/// The credential flags `argocd repo add` and `argocd repocreds add` share. Secrets are read from
/// standard input or a file, so that they never appear in a process list.
struct RepoCredentialOptions: ParsableArguments {
    @Option(help: "User name for HTTPS (and Helm repositories).")
    var username: String?

    @Option(help: "Password or token (default with --username: read from standard input). Prefer standard input: arguments are visible to other users.")
    var password: String?

    @Option(name: .customLong("ssh-private-key-path"), help: "A private key file for SSH.")
    var sshPrivateKeyPath: String?

    @Option(help: "git or helm.")
    var type = "git"

    @Option(help: "The repository's name (Helm repositories).")
    var name: String?

    @Option(help: "Limit the repository to this project.")
    var project: String?

    @Flag(name: .customLong("enable-oci"), help: "The Helm repository is an OCI registry.")
    var enableOCI = false

    @Flag(name: .customLong("insecure-skip-server-verification"), help: "Skip TLS and SSH host key verification.")
    var insecureSkipServerVerification = false

    @Flag(help: "Replace an existing entry that differs.")
    var upsert = false

    func validate() throws {
        guard ["git", "helm"].contains(type) else { throw ValidationError("--type must be git or helm") }
    }

    /// The API body for `url`.
    func body(url: String) throws -> JSONValue {
        var body: JSONValue = ["repo": .string(url), "type": .string(type)]
        if let username { body["username"] = .string(username) }
        if let secret = try password ?? (username != nil ? LoginCommand.readPassword() : nil) { body["password"] = .string(secret) }
        if let path = sshPrivateKeyPath {
            guard let key = try? String(contentsOfFile: path, encoding: .utf8) else { throw CommandFailure("cannot read --ssh-private-key-path \(path)") }
            body["sshPrivateKey"] = .string(key)
        }
        if let name { body["name"] = .string(name) }
        if let project { body["project"] = .string(project) }
        if enableOCI { body["enableOCI"] = true }
        if insecureSkipServerVerification { body["insecure"] = true }
        return body
    }
}
