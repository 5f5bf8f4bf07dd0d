import Crypto
import Foundation
import Hummingbird
import KubeModel
import Logging
import Projects
import ServiceLifecycle

/// The CLI's SSO login, as `argocd login --sso` does it: the authorization-code flow with PKCE run
/// by the CLI itself against the server's OpenID Connect provider, the browser sent back to a
/// listener on `localhost:PORT`, and the ID token kept as the context's token.
struct SSOLogin {
    let connection: APIConnection
    let port: Int

    /// How long the user has to finish in the browser.
    static let timeout: Duration = .seconds(300)

    /// The ID token, once the browser has come back with a code.
    func run() async throws -> String {
        let settings = try await connection.call(.GET, "/api/v1/settings")
        guard let issuer = settings[path: ["oidcConfig", "issuer"]]?.stringValue,
            let clientID = settings[path: ["oidcConfig", "cliClientID"]]?.stringValue ?? settings[path: ["oidcConfig", "clientID"]]?.stringValue
        else { throw CommandFailure("the server has no SSO configured (oidc.config in argocd-cm); log in with --username") }
        let discovery = try await connection.call(.GET, issuer.trimmingSuffix("/") + "/.well-known/openid-configuration")
        guard let authorization = discovery["authorization_endpoint"]?.stringValue, let tokenEndpoint = discovery["token_endpoint"]?.stringValue else {
            throw CommandFailure("the OIDC provider \(issuer) has no authorization_endpoint or token_endpoint")
        }
        let state = Self.random(16)
        let verifier = Self.random(32)
        let redirect = "http://localhost:\(port)/auth/callback"
        var url = URLComponents(string: authorization)
        let scopes = (settings[path: ["oidcConfig", "scopes"]]?.arrayValue ?? []).compactMap(\.stringValue)
        let existing = url?.queryItems ?? []
        url?.queryItems = existing + [
            URLQueryItem(name: "response_type", value: "code"), URLQueryItem(name: "client_id", value: clientID),
            URLQueryItem(name: "redirect_uri", value: redirect), URLQueryItem(name: "scope", value: (["openid"] + scopes.filter { $0 != "openid" }).joined(separator: " ")),
            URLQueryItem(name: "state", value: state), URLQueryItem(name: "code_challenge", value: SignedToken.base64URL(Array(SHA256.hash(data: Array(verifier.utf8))))),
            URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        guard let address = url?.url?.absoluteString else { throw CommandFailure("the OIDC provider's authorization endpoint is not a URL") }
        let code = try await waitForCode(state: state) {
            // Written at once (print would sit in a buffer when the output is a pipe).
            FileHandle.standardOutput.write(Data("Opening browser for authentication; if it does not open, visit:\n\(address)\n".utf8))
        }
        var form = URLComponents()
        form.queryItems = [
            URLQueryItem(name: "grant_type", value: "authorization_code"), URLQueryItem(name: "code", value: code),
            URLQueryItem(name: "redirect_uri", value: redirect), URLQueryItem(name: "client_id", value: clientID), URLQueryItem(name: "code_verifier", value: verifier),
        ]
        let answer = try await connection.postForm(tokenEndpoint, form.percentEncodedQuery ?? "")
        guard let idToken = answer["id_token"]?.stringValue, !idToken.isEmpty else { throw CommandFailure("the OIDC provider returned no id_token") }
        return idToken
    }

    private static func random(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return SignedToken.base64URL((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// Listens on `localhost:port` until the browser brings back the code for `state`.
    private func waitForCode(state: String, ready: @escaping @Sendable () -> Void) async throws -> String {
        let (codes, deliver) = AsyncStream.makeStream(of: Result<String, CommandFailure>.self)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            guard request.uri.path == "/auth/callback" else { return Response(status: .notFound) }
            let query = request.uri.queryParameters
            if let error = query["error"] {
                deliver.yield(.failure(CommandFailure("the OIDC provider refused the login: \(error)")))
                return Self.page("Login failed: \(error). You can close this window.")
            }
            guard query["state"].map(String.init) == state, let code = query["code"] else {
                return Self.page("This login link is not the one the CLI started; run wharf login --sso again.", status: .badRequest)
            }
            deliver.yield(.success(String(code)))
            return Self.page("Authentication successful! You can close this window and return to the CLI.")
        }
        var logger = Logger(label: "wharf.sso-callback")
        logger.logLevel = .critical
        let application = Application(
            responder: responder, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { _ in ready() }, logger: logger)
        let server = ServiceGroup(configuration: ServiceGroupConfiguration(services: [application], logger: logger))
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                try await server.run()
                return nil
            }
            group.addTask {
                try await Task.sleep(for: Self.timeout)
                throw CommandFailure("no login came back within \(Self.timeout.components.seconds)s; run wharf login --sso again")
            }
            group.addTask {
                for await result in codes { return try result.get() }
                return nil
            }
            defer { group.cancelAll() }
            var code: String?
            while let result = try await group.next() {
                guard code == nil, let result else { break }
                // The code is handed over while the browser's page is still being answered: a
                // graceful stop lets that answer go out before the listener closes.
                code = result
                await server.triggerGracefulShutdown()
            }
            guard let code else { throw CommandFailure("the login listener on localhost:\(port) stopped; is the port free? (--sso-port)") }
            return code
        }
    }

    private static func page(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

extension String {
    /// The string without one trailing `suffix`.
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
