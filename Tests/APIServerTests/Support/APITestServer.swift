import APIServer
import AppController
import AsyncHTTPClient
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import NIOCore
import NIOHTTP1
import NIOSSL

/// An API server (TLS, self-signed) on a fresh embedded cluster with Argo CD's definitions
/// installed, and an HTTP client that talks to it as `curl -k` would.
struct APITestServer: Sendable {
    let cluster: RunningCluster
    let client: KubeClient
    let baseURL: String
    let http: HTTPClient

    /// An answer: status code and parsed JSON body (null when not JSON), plus headers.
    struct Answer: Sendable {
        let status: Int
        let json: JSONValue
        let text: String
        let headers: HTTPHeaders
    }

    /// Starts everything with `configMaps` (name → data) written first, runs `body`, stops everything.
    static func with<T: Sendable>(
        configMaps: [String: [String: String]] = [:], environment: [String: String] = [:], logs: RecordedLogs = RecordedLogs(),
        _ body: @Sendable (APITestServer) async throws -> T
    ) async throws -> T {
        try await RunningCluster.with { cluster in
            let client = try cluster.client()
            let installer = CRDInstaller()
            try await installer.install(using: client)
            _ = try? await client.create(KubeObject(apiVersion: "v1", kind: "Namespace", name: "argocd"))
            try await installer.ensureDefaultProject(namespace: "argocd", using: client)
            for (name, data) in configMaps {
                var map = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: "argocd")
                map["data"] = .object(JSONObject(uniqueKeysWithValues: data.map { ($0.key, JSONValue.string($0.value)) }))
                _ = try await client.create(map)
            }
            let configuration = APIServerConfiguration(namespace: "argocd", port: 0, environment: environment)
            let (endpoints, announce) = AsyncStream.makeStream(of: APIServer.Endpoint.self)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    defer { announce.finish() }
                    try await APIServer.run(configuration: configuration, client: client, logger: logs.logger) { announce.yield($0) }
                }
                var iterator = endpoints.makeAsyncIterator()
                guard let endpoint = await iterator.next() else {
                    try await group.next()
                    throw TestFailure("the API server did not start")
                }
                var tls = TLSConfiguration.makeClientConfiguration()
                tls.certificateVerification = .none
                // Redirects are the tests' to follow (the SSO login is a chain of them).
                let http = HTTPClient(
                    eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(tlsConfiguration: tls, redirectConfiguration: .disallow))
                let server = APITestServer(cluster: cluster, client: client, baseURL: endpoint.url.absoluteString, http: http)
                defer { group.cancelAll() }
                do {
                    let result = try await body(server)
                    try? await http.shutdown()
                    return result
                } catch {
                    try? await http.shutdown()
                    throw error
                }
            }
        }
    }

    /// Calls `method path` with `token` (Bearer) and a JSON `body`; `path` may also be a whole URL (another server).
    func call(_ method: HTTPMethod, _ path: String, token: String? = nil, body: JSONValue? = nil, headers: [(String, String)] = []) async throws -> Answer {
        var request = HTTPClientRequest(url: path.hasPrefix("http") ? path : baseURL + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: JSONWriter.string(body)))
        }
        let response = try await http.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        let text = String(buffer: bytes)
        return Answer(status: Int(response.status.code), json: (try? JSONParser.parse(bytes: Array(buffer: bytes))) ?? .null, text: text, headers: response.headers)
    }

    /// The status of a streaming GET (Server-Sent Events), read from its head; the stream is then dropped.
    func streamStatus(_ path: String, token: String?) async throws -> Int {
        var request = HTTPClientRequest(url: baseURL + path)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let response = try await http.execute(request, timeout: .seconds(30))
        return Int(response.status.code)
    }

    /// A session token for `username`; fails the test when the login is refused.
    func login(_ username: String, _ password: String) async throws -> String {
        let answer = try await call(.POST, "/api/v1/session", body: ["username": .string(username), "password": .string(password)])
        guard answer.status == 200, let token = answer.json["token"]?.stringValue else {
            throw TestFailure("login of \(username) refused: \(answer.status) \(answer.text)")
        }
        return token
    }

    /// The generated admin password from `argocd-initial-admin-secret`.
    func initialAdminPassword() async throws -> String {
        let secret = try await client.get(GroupVersionResource(group: "", version: "v1", resource: "secrets"), namespace: "argocd", name: "argocd-initial-admin-secret")
        guard let encoded = secret[path: "data", "password"]?.stringValue, let bytes = Data(base64Encoded: encoded) else {
            throw TestFailure("argocd-initial-admin-secret has no password")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Sets `accounts.<name>.password` in `argocd-secret` to the bcrypt hash of `password`, as `argocd account update-password` leaves it.
    func setPassword(_ name: String, _ password: String) async throws {
        let secrets = GroupVersionResource(group: "", version: "v1", resource: "secrets")
        var secret = try await client.get(secrets, namespace: "argocd", name: "argocd-secret")
        let hash = try Bcrypt.hash(Array(password.utf8), cost: 4)
        secret[path: "data", "accounts.\(name).password"] = .string(Data(hash.utf8).base64EncodedString())
        _ = try await client.update(secrets, namespace: "argocd", secret)
    }

    /// An Application in `project` pointing at an unreachable repository (the tests here need none synced).
    func createApplication(_ name: String, project: String = "default", repoURL: String = "https://git.example/apps.git", revision: String = "HEAD") async throws {
        var application = KubeObject(apiVersion: "argoproj.io/v1alpha1", kind: "Application", name: name, namespace: "argocd")
        application["spec"] = [
            "project": .string(project), "source": ["repoURL": .string(repoURL), "path": .string(name), "targetRevision": .string(revision)],
            "destination": ["server": "https://kubernetes.default.svc", "namespace": .string(name)],
        ]
        _ = try await client.create(ArgoCRDs.applications, namespace: "argocd", application)
    }

    /// Creates `objects` in the cluster (and their namespaces) and records them in the
    /// application's `status.resources`, as the controller would after a sync.
    func deploy(_ objects: [KubeObject], as application: String) async throws {
        var resources: [JSONValue] = []
        for object in objects {
            if let namespace = object.namespace { _ = try? await client.create(KubeObject(apiVersion: "v1", kind: "Namespace", name: namespace)) }
            _ = try await client.create(object)
            resources.append([
                "group": .string(object.groupVersionKind.group), "version": .string(object.groupVersionKind.version), "kind": .string(object.kind),
                "namespace": .string(object.namespace ?? ""), "name": .string(object.name), "status": "Synced",
            ])
        }
        var live = try await client.get(ArgoCRDs.applications, namespace: "argocd", name: application)
        live["status"] = ["resources": .array(resources)]
        _ = try await client.update(ArgoCRDs.applications, namespace: "argocd", live)
    }
}
