public import ArgumentParser
import Foundation
public import LocalCluster

/// `wharf cluster start`: runs the embedded cluster in the foreground until interrupted.
struct ClusterStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start the embedded cluster in the foreground and print where its kubeconfig is.",
        discussion: "Use the printed kubeconfig with kubectl: KUBECONFIG=<path> kubectl get nodes"
    )

    @Option(name: .customLong("data-dir"), help: "Where the cluster keeps its state, certificates and kubeconfig.")
    var dataDirectory: String = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".wharf/cluster").path

    @Option(name: .customLong("port"), help: "The HTTPS port to listen on (0 picks a free one).")
    var port: Int = 6443

    @Option(name: .customLong("host"), help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("kubeconfig-out"), help: "Where to write the kubeconfig (default: DATA_DIR/kubeconfig).")
    var kubeconfigOut: String?

    @Option(name: .customLong("profile"), help: "Workload simulation: fast (no delays, for tests) or realistic (jittered, for demos).")
    var profile: LocalClusterConfiguration.Profile = .fast

    @Option(
        name: .customLong("fault"),
        help: ArgumentHelp(
            "Inject latency or errors into clients' resource requests, for reliability tests (repeatable; every matching rule applies).",
            discussion: """
                SPEC is comma-separated key=value pairs: verb (get, list, watch, create, update, patch, delete, deletecollection \
                or *), resource (plural such as configmaps, a subresource such as deployments/scale, or *), latency and jitter \
                (seconds), error-rate (0 to 1), code (429, 500, 503 or 504; default 500), retry-after (seconds sent with 429 and \
                503, default 1; kubectl retries those up to 10 times). Example: --fault 'verb=create,resource=configmaps,error-rate=0.5,code=503'
                """,
            valueName: "spec"),
        transform: ClusterStartCommand.parseFault)
    var faults: [FaultInjection.Rule] = []

    @Option(
        name: .customLong("token-auth-file"),
        help: ArgumentHelp(
            "A static token file, as kube-apiserver's: CSV lines token,user,uid,\"group1,group2\" (groups optional).",
            discussion: "The file is read again when it changes: removing a line revokes its token.",
            valueName: "path"))
    var tokenAuthFile: String?

    @Option(
        name: .customLong("watch-bookmark-interval"),
        help: ArgumentHelp("Seconds between the BOOKMARK events sent to watches that allow them.", valueName: "seconds"))
    var watchBookmarkInterval: Double = 60

    @Option(
        name: .customLong("watch-history"),
        help: ArgumentHelp(
            "How many recent changes a watch or a paginated list can resume from; older resource versions get 410 Expired.",
            valueName: "n"))
    var watchHistory: Int = 100_000

    @Flag(
        name: .customLong("http2"),
        help: "Offer HTTP/2 through ALPN beside HTTP/1.1, as kube-apiserver does (off by default: HTTP/2 streams opened during shutdown crash the server).")
    var http2 = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
        guard watchBookmarkInterval > 0, watchBookmarkInterval.isFinite else {
            throw ValidationError("--watch-bookmark-interval must be a number of seconds greater than 0, got \(watchBookmarkInterval)")
        }
        guard watchHistory >= 1 else { throw ValidationError("--watch-history must be 1 or more, got \(watchHistory)") }
        if let tokenAuthFile, !FileManager.default.isReadableFile(atPath: tokenAuthFile) {
            throw ValidationError("--token-auth-file \(tokenAuthFile) does not exist or cannot be read")
        }
    }

    /// Reads one `--fault` SPEC; every error names the key at fault, so a typo in a test script is obvious.
    static func parseFault(_ spec: String) throws -> FaultInjection.Rule {
        var rule = FaultInjection.Rule()
        for pair in spec.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("'\(pair)' is not key=value")
            }
            let (key, value) = (parts[0], parts[1])
            func seconds() throws -> Duration {
                guard let seconds = Double(value), seconds >= 0, seconds.isFinite else {
                    throw ValidationError("\(key) must be a number of seconds, 0 or more, got '\(value)'")
                }
                return .seconds(seconds)
            }
            switch key {
            case "verb":
                if value == "*" { rule.verb = nil; continue }
                guard let verb = APIVerb(rawValue: value) else {
                    let verbs = APIVerb.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ValidationError("verb must be one of \(verbs) or *, got '\(value)'")
                }
                rule.verb = verb
            case "resource": rule.resource = value == "*" ? nil : value
            case "latency": rule.latency = try seconds()
            case "jitter": rule.jitter = try seconds()
            case "error-rate":
                guard let rate = Double(value), (0...1).contains(rate) else {
                    throw ValidationError("error-rate must be a number from 0 to 1, got '\(value)'")
                }
                rule.errorRate = rate
            case "code":
                guard let code = Int(value).flatMap(FaultInjection.ErrorCode.init(rawValue:)) else {
                    let codes = FaultInjection.ErrorCode.allCases.map { String($0.rawValue) }.joined(separator: ", ")
                    throw ValidationError("code must be one of \(codes), got '\(value)'")
                }
                rule.errorCode = code
            case "retry-after":
                guard let seconds = Int(value), seconds >= 1 else {
                    throw ValidationError("retry-after must be a whole number of seconds, 1 or more, got '\(value)'")
                }
                rule.retryAfterSeconds = seconds
            default:
                throw ValidationError("unknown key '\(key)'; use verb, resource, latency, jitter, error-rate, code or retry-after")
            }
        }
        return rule
    }

    func run() async throws {
        var configuration = LocalClusterConfiguration(
            dataDirectory: URL(fileURLWithPath: dataDirectory), host: host, port: port,
            kubeconfigPath: kubeconfigOut.map { URL(fileURLWithPath: $0) }, profile: profile,
            faults: FaultInjection(rules: faults), tokenAuthFile: tokenAuthFile.map { URL(fileURLWithPath: $0) },
            watchBookmarkInterval: .seconds(watchBookmarkInterval), watchHistoryLimit: watchHistory)
        configuration.http2 = http2
        do {
            try await LocalCluster.run(configuration, handleSignals: true) { endpoint in
                // Unbuffered: scripts read these lines through a pipe and must get them now.
                let lines = """
                    Wharf local cluster listening on \(endpoint.url)
                    kubeconfig: \(endpoint.kubeconfigPath.path)
                    try: KUBECONFIG=\(endpoint.kubeconfigPath.path) kubectl get namespaces

                    """
                FileHandle.standardOutput.write(Data(lines.utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("error: the cluster could not run: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

extension LocalClusterConfiguration.Profile: ExpressibleByArgument {}
