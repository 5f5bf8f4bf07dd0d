public import Foundation

/// Everything a ``KubeClient`` needs to reach one cluster as one user: the cluster and user of a
/// kubeconfig context (or of a pod's service account), the default namespace, and the client's
/// own limits. Build one with ``fromKubeconfig(paths:context:namespace:environment:)`` or
/// ``inCluster(directory:environment:)``, then adjust fields as needed.
public struct ClientConfiguration: Sendable {
    /// The API server and how to trust it.
    public var cluster: Kubeconfig.Cluster
    /// Who to authenticate as.
    public var user: Kubeconfig.User
    /// The namespace used when an object or call names none.
    public var namespace: String
    /// Sustained requests per second (token bucket refill rate); Argo CD's default is 50.
    public var queriesPerSecond: Double = 50
    /// Requests allowed in a burst above the sustained rate; Argo CD's default is 100.
    public var burst: Int = 100
    /// How long one request may take, from sending to the last byte (watches use their own timeout).
    public var requestTimeout: Duration = .seconds(30)
    /// How long connecting may take.
    public var connectTimeout: Duration = .seconds(10)
    /// Which failures are retried, how often and how long to wait.
    public var retry: RetryPolicy = RetryPolicy()
    /// The `User-Agent` header.
    public var userAgent: String = "wharf"

    /// Creates a configuration from its parts.
    public init(cluster: Kubeconfig.Cluster, user: Kubeconfig.User = Kubeconfig.User(), namespace: String = "default") {
        self.cluster = cluster
        self.user = user
        self.namespace = namespace
    }

    /// The configuration of a kubeconfig context, as kubectl finds it.
    /// - Parameters:
    ///   - paths: The files to merge; nil reads `KUBECONFIG` (colon-separated, missing files skipped)
    ///     or else `~/.kube/config`.
    ///   - context: The context to use; nil uses `current-context`.
    ///   - namespace: Overrides the context's namespace.
    ///   - environment: Where `KUBECONFIG` and `HOME` are read from.
    public static func fromKubeconfig(
        paths: [URL]? = nil, context: String? = nil, namespace: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(KubeError) -> ClientConfiguration {
        let files = paths ?? defaultKubeconfigPaths(environment: environment)
        var merged = Kubeconfig()
        var read: [String] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                // kubectl skips missing files in a KUBECONFIG list; an explicit single path must exist.
                if paths != nil && files.count == 1 {
                    throw KubeError(.configuration, "kubeconfig \(file.path) cannot be read; check the path")
                }
                continue
            }
            merged.merge(try Kubeconfig(yaml: String(decoding: data, as: UTF8.self), source: file))
            read.append(file.path)
        }
        guard !read.isEmpty else {
            throw KubeError(
                .configuration,
                "no kubeconfig found (looked in \(files.map(\.path).joined(separator: ", "))); set KUBECONFIG or pass the file")
        }
        let where_ = read.joined(separator: ":")
        guard let name = context ?? merged.currentContext else {
            throw KubeError(.configuration, "\(where_): no current-context is set; pick a context (one of: \(merged.contexts.keys.sorted().joined(separator: ", ")))")
        }
        guard let selected = merged.contexts[name] else {
            throw KubeError(.configuration, "\(where_): context \"\(name)\" does not exist (known: \(merged.contexts.keys.sorted().joined(separator: ", ")))")
        }
        guard let cluster = merged.clusters[selected.cluster] else {
            throw KubeError(.configuration, "\(where_): context \"\(name)\" names cluster \"\(selected.cluster)\", which is not defined")
        }
        let user: Kubeconfig.User
        if selected.user.isEmpty {
            user = Kubeconfig.User()
        } else if let found = merged.users[selected.user] {
            user = found
        } else {
            throw KubeError(.configuration, "\(where_): context \"\(name)\" names user \"\(selected.user)\", which is not defined")
        }
        return ClientConfiguration(cluster: cluster, user: user, namespace: namespace ?? selected.namespace ?? "default")
    }

    /// The configuration of a pod's service account: `KUBERNETES_SERVICE_HOST`/`_PORT` and the token,
    /// CA and namespace Kubernetes mounts into the pod. The token is read from its file on use, so a
    /// rotated token is picked up.
    /// - Parameter directory: Where the service account is mounted.
    public static func inCluster(
        directory: URL = URL(fileURLWithPath: "/var/run/secrets/kubernetes.io/serviceaccount"),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(KubeError) -> ClientConfiguration {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
            let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty
        else {
            throw KubeError(.configuration, "not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set")
        }
        let tokenFile = directory.appendingPathComponent("token")
        guard FileManager.default.isReadableFile(atPath: tokenFile.path) else {
            throw KubeError(.configuration, "not running in a cluster: no service account token at \(tokenFile.path)")
        }
        let formattedHost = host.contains(":") ? "[\(host)]" : host
        var cluster = Kubeconfig.Cluster(server: "https://\(formattedHost):\(port)")
        cluster.certificateAuthorityPEM = FileManager.default.contents(atPath: directory.appendingPathComponent("ca.crt").path).map(Array.init)
        var user = Kubeconfig.User()
        user.tokenFile = tokenFile.path
        let namespace = FileManager.default.contents(atPath: directory.appendingPathComponent("namespace").path)
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        return ClientConfiguration(cluster: cluster, user: user, namespace: namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default")
    }

    private static func defaultKubeconfigPaths(environment: [String: String]) -> [URL] {
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            return list.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return [home.appendingPathComponent(".kube/config")]
    }
}
