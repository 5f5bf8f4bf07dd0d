import Foundation

/// An OCI registry for tests: Debian's `docker-registry` (the CNCF distribution registry) with token
/// authentication, a small Python token service issuing RS256 tokens to `wharf`/`s3cret`, and a chart
/// pushed with real Helm (`helm registry login`, `helm push`). Everything ends when the test process
/// does.
final class OCIRegistryServer: Sendable {
    static let username = "wharf"
    static let password = "s3cret"
    static let chart = "prometheus-pushgateway"
    static let version = "1.1.0"

    /// `host:port` of the registry.
    let registry: String
    /// The digest of the pushed chart's manifest.
    let manifestDigest: String
    /// The archive Helm pushed.
    let archive: [UInt8]
    private let process: Process
    private let stdin: Pipe

    private static let script = #"""
        import base64, http.server, json, os, socket, subprocess, sys, threading, time, urllib.parse, uuid
        from helm_python.chart import package
        from helm_python.registry import RegistryClient

        chart, work = sys.argv[1], sys.argv[2]
        def openssl(*arguments, input=None):
            return subprocess.run(["openssl", *arguments], check=True, capture_output=True, cwd=work, input=input).stdout
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "token.key", "-out", "token.pem", "-days", "2", "-subj", "/CN=Wharf Test Token Issuer")
        certificate = base64.b64encode(openssl("x509", "-in", "token.pem", "-outform", "DER")).decode()

        def b64url(data):
            return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

        def token(scopes):
            access = []
            for scope in scopes:
                kind, name, actions = scope.split(":", 2) if scope.count(":") >= 2 else (None, None, None)
                if kind:
                    access.append({"type": kind, "name": name, "actions": actions.split(",")})
            now = int(time.time())
            header = {"typ": "JWT", "alg": "RS256", "x5c": [certificate]}
            claims = {"iss": "wharf-test-issuer", "sub": "wharf", "aud": "wharf-test-registry", "exp": now + 600, "nbf": now - 60, "iat": now, "jti": str(uuid.uuid4()), "access": access}
            signing = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
            signature = openssl("dgst", "-sha256", "-sign", "token.key", input=signing.encode())
            return signing + "." + b64url(signature)

        expected = "Basic " + base64.b64encode(b"wharf:s3cret").decode()

        class TokenHandler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                if self.headers.get("Authorization") != expected:
                    self.send_response(401)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
                issued = token(query.get("scope", []))
                body = json.dumps({"token": issued, "access_token": issued, "expires_in": 600}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *arguments):
                pass

        tokens = http.server.ThreadingHTTPServer(("127.0.0.1", 0), TokenHandler)
        threading.Thread(target=tokens.serve_forever, daemon=True).start()

        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        registry = "127.0.0.1:%d" % port
        with open(os.path.join(work, "config.yml"), "w") as handle:
            handle.write(f"""version: 0.1
        log:
          level: error
        storage:
          filesystem:
            rootdirectory: {work}/storage
        http:
          addr: {registry}
        auth:
          token:
            realm: http://127.0.0.1:{tokens.server_address[1]}/token
            service: wharf-test-registry
            issuer: wharf-test-issuer
            rootcertbundle: {work}/token.pem
        """)
        server = subprocess.Popen(["docker-registry", "serve", os.path.join(work, "config.yml")], stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "registry.log"), "w"))
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)

        archive = package(chart, destination=work, version="1.1.0")
        client = RegistryClient(plain_http=True, credentials_file=os.path.join(work, "credentials.json"))
        client.login(registry, "wharf", "s3cret", plain_http=True)
        client.push(archive, "oci://" + registry + "/charts", plain_http=True)
        digest = client.resolve("oci://" + registry + "/charts/prometheus-pushgateway:1.1.0")["digest"]

        def exit_with_parent():
            sys.stdin.read()
            server.kill()
            os._exit(0)
        threading.Thread(target=exit_with_parent, daemon=True).start()
        print(json.dumps({"registry": registry, "digest": digest, "archive": archive}), flush=True)
        threading.Event().wait()
        """#

    /// The registry, started on first use; nil when Python, `docker-registry` or the test charts are missing.
    static let shared: OCIRegistryServer? = {
        guard let python = HelmChartReference.python, HelmChartReference.isAvailable,
            FileManager.default.isExecutableFile(atPath: "/usr/bin/docker-registry")
        else { return nil }
        do {
            return try OCIRegistryServer(python: python)
        } catch {
            fatalError("cannot start the OCI registry: \(error)")
        }
    }()

    private struct Started: Decodable {
        let registry: String
        let digest: String
        let archive: String
    }

    private init(python: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-oci-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.script, HelmChartReference.chartsDirectory.appendingPathComponent(Self.chart).path, directory.path]
        let stdout = Pipe()
        stdin = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        try process.run()
        var line = [UInt8]()
        while let byte = try stdout.fileHandleForReading.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") { line.append(byte) }
        let started = try JSONDecoder().decode(Started.self, from: Data(line))
        registry = started.registry
        manifestDigest = started.digest
        archive = [UInt8](try Data(contentsOf: URL(fileURLWithPath: started.archive)))
    }
}
