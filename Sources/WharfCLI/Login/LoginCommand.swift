import ArgumentParser
import Foundation
import KubeModel
import Projects

/// `wharf login SERVER`: logs into a Wharf (or Argo CD) API server with a local account and keeps
/// the session token in the CLI's config file, as `argocd login` does.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "login", abstract: "Log in to a Wharf API server.")

    @Argument(help: "The server, host:port or a URL.")
    var server: String

    @Option(help: "The account (default: admin).")
    var username: String?

    @Option(help: "The password (default: read from standard input; prefer that: arguments are visible to other users).")
    var password: String?

    @Option(help: "The context name (default: the server).")
    var name: String?

    @Flag(help: "Log in through the configured SSO provider in a browser.")
    var sso = false

    @Option(name: .customLong("sso-port"), help: "The local port the browser returns to after an SSO login.")
    var ssoPort = 8085

    @Flag(help: "Skip verifying the server's TLS certificate (needed for the self-signed default).")
    var insecure = false

    @Flag(name: .customLong("plaintext"), help: "Talk plain HTTP to a server run with --insecure.")
    var plainText = false

    @Option(help: "The CLI's config file (default: $WHARF_CONFIG or ~/.config/wharf/config).")
    var config: String?

    @Flag(name: .customLong("grpc-web"), help: "Accepted for upstream scripts; Wharf speaks plain HTTP/JSON.")
    var grpcWeb = false

    func run() async throws {
        try await reportingFailures {
            let connection = APIConnection(baseURL: ServerOptions.baseURL(server, plainText: plainText), token: nil, insecure: insecure)
            let token: String
            let user: String
            if sso {
                let port = ssoPort
                token = try await connection.closing { try await SSOLogin(connection: $0, port: port).run() }
                let claims = SignedToken.unverifiedClaims(of: token)
                user = claims?["email"]?.stringValue ?? claims?["sub"]?.stringValue ?? "sso"
            } else {
                user = username ?? "admin"
                let secret = try password ?? Self.readPassword()
                let answer = try await connection.closing { try await $0.call(.POST, "/api/v1/session", body: ["username": .string(user), "password": .string(secret)]) }
                guard let issued = answer["token"]?.stringValue, !issued.isEmpty else { throw CommandFailure("the server at \(server) answered without a token") }
                token = issued
            }
            let path = CLIConfig.path(config)
            var file = try CLIConfig.load(from: path)
            let contextName = name ?? server
            file.upsert(CLIConfig.Context(name: contextName, server: server, token: token, insecure: insecure, plainText: plainText))
            try file.save(to: path)
            print("'\(user)\(sso ? "" : ":login")' logged in successfully")
            print("Context '\(contextName)' updated")
        }
    }

    /// The password from standard input (one line), so that it never appears in a process list.
    static func readPassword() throws -> String {
        if isatty(STDIN_FILENO) != 0 { FileHandle.standardError.write(Data("Password: ".utf8)) }
        guard let line = readLine(strippingNewline: true) else { throw CommandFailure("no password given: pass --password or write it to standard input") }
        return line
    }
}
