import Foundation

/// A chart repository for tests: real Helm packages a chart at three versions and indexes them, and a
/// Python HTTPS server with basic authentication serves them, its certificate signed by a CA made
/// with OpenSSL. The server logs every requested path and exits when the test process does.
final class ChartRepositoryServer: Sendable {
    static let username = "wharf"
    static let password = "s3cret"

    /// The versions of `prometheus-pushgateway` the repository holds.
    static let versions = ["1.0.0", "1.1.0", "2.0.0-rc.1"]

    let url: String
    let directory: URL
    let caCertificate: String
    private let process: Process
    private let stdin: Pipe

    private static let script = #"""
        import base64, http.server, os, ssl, subprocess, sys, threading
        from helm_python import repo_index_generate
        from helm_python.chart import package

        chart, work, versions = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
        repo = os.path.join(work, "repo")
        os.makedirs(repo)
        for version in versions:
            package(chart, destination=repo, version=version)
        repo_index_generate(repo)

        def openssl(*arguments):
            subprocess.run(["openssl", *arguments], check=True, capture_output=True, cwd=work)
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Wharf Test CA")
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost")
        with open(os.path.join(work, "san.ext"), "w") as handle:
            handle.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "san.ext")

        expected = "Basic " + base64.b64encode(b"wharf:s3cret").decode()
        log = os.path.join(work, "requests.log")

        class Handler(http.server.SimpleHTTPRequestHandler):
            # Keep-alive with lengths: closing a TLS connection without close_notify is an error to clients.
            protocol_version = "HTTP/1.1"

            def __init__(self, *arguments, **options):
                super().__init__(*arguments, directory=repo, **options)

            def do_GET(self):
                with open(log, "a") as handle:
                    handle.write(self.path + "\n")
                if self.headers.get("Authorization") != expected:
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="charts"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                super().do_GET()

            def log_message(self, *arguments):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(os.path.join(work, "server.pem"), os.path.join(work, "server.key"))
        server.socket = context.wrap_socket(server.socket, server_side=True)

        def exit_with_parent():
            sys.stdin.read()
            os._exit(0)
        threading.Thread(target=exit_with_parent, daemon=True).start()
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    /// The server, started on first use; nil when Python or the test charts are missing.
    static let shared: ChartRepositoryServer? = {
        guard let python = HelmChartReference.python, HelmChartReference.isAvailable else { return nil }
        do {
            return try ChartRepositoryServer(python: python)
        } catch {
            fatalError("cannot start the chart repository server: \(error)")
        }
    }()

    private init(python: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-chart-repository-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        let chart = HelmChartReference.chartsDirectory.appendingPathComponent("prometheus-pushgateway").path
        process.arguments = ["-c", Self.script, chart, directory.path, Self.versions.joined(separator: ",")]
        let stdout = Pipe()
        stdin = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        try process.run()
        var line = [UInt8]()
        while let byte = try stdout.fileHandleForReading.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") { line.append(byte) }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else { throw CocoaError(.fileReadCorruptFile) }
        url = "https://127.0.0.1:\(port)"
        caCertificate = try String(contentsOf: directory.appendingPathComponent("ca.pem"), encoding: .utf8)
    }

    /// The paths requested so far, in order.
    var requestedPaths: [String] {
        let log = (try? String(contentsOf: directory.appendingPathComponent("requests.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").map(String.init)
    }

    /// The archive Helm packaged for a version.
    func archive(version: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent("repo/prometheus-pushgateway-\(version).tgz")))
    }
}
