import AppController
import ArgumentParser
import Foundation
import KubeClient
import KubeModel

/// `wharf cluster add CONTEXT`: lets Wharf deploy to the cluster of a kubeconfig context, as upstream's
/// `argocd cluster add` does: installs the `argocd-manager` ServiceAccount there with cluster-wide
/// rights, and writes a cluster Secret holding its token into the control cluster.
struct ClusterAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add the cluster of a kubeconfig context (or cluster Secrets from a file) as a deployment destination.",
        discussion: """
            The control cluster is the current context of --kubeconfig (or $KUBECONFIG); the cluster Secret goes into its \
            --namespace. Unlike upstream, whose --namespace lists the managed namespaces, Wharf names those with --namespaces.
            Examples:
              wharf cluster add staging --name staging --label env=staging
              wharf cluster add -f cluster-secret.yaml --upsert
            """
    )

    @Argument(help: "The kubeconfig context of the cluster to add.")
    var context: String?

    @OptionGroup var core: CoreModeOptions

    @Option(name: [.customShort("f"), .customLong("filename")], help: "Apply cluster Secret manifests from this file ('-' for standard input) instead of a context.")
    var filename: String?

    @Option(help: "The cluster's name (default: the context's name).")
    var name: String?

    @Option(name: .customLong("system-namespace"), help: "Where the argocd-manager ServiceAccount is created on the cluster.")
    var systemNamespace = "kube-system"

    @Option(name: .customLong("service-account"), help: "Use this existing ServiceAccount of the system namespace instead of creating argocd-manager and its ClusterRole.")
    var serviceAccount: String?

    @Option(
        name: [.customLong("namespaces"), .customLong("namespace-scope")],
        help: ArgumentHelp("A namespace Wharf may manage on the cluster (repeatable or comma-separated; default: all).", valueName: "namespace"))
    var namespaces: [String] = []

    @Flag(name: .customLong("cluster-resources"), help: "Let Wharf manage cluster-scoped resources too when --namespaces is given.")
    var clusterResources = false

    @Option(help: "The project the cluster is scoped to.")
    var project: String?

    @Option(help: "The controller shard that manages the cluster (-1: assigned automatically).")
    var shard = -1

    @Option(help: ArgumentHelp("A label for the cluster Secret (repeatable).", valueName: "key=value"))
    var label: [String] = []

    @Option(help: ArgumentHelp("An annotation for the cluster Secret (repeatable).", valueName: "key=value"))
    var annotation: [String] = []

    @Flag(help: "Overwrite a cluster Secret for the same server that differs.")
    var upsert = false

    @Flag(name: [.customShort("y"), .customLong("yes")], help: "Do not ask before creating the ServiceAccount.")
    var yes = false

    @Flag(name: .customLong("in-cluster"), help: "Wharf runs in this cluster: reach it as https://kubernetes.default.svc.")
    var inCluster = false

    func validate() throws {
        if (context == nil) == (filename == nil) {
            throw ValidationError("give either a kubeconfig CONTEXT or -f FILE with cluster Secrets")
        }
        guard shard >= -1 else { throw ValidationError("--shard must be a shard number (0, 1, ...) or -1, got \(shard)") }
        _ = try Self.pairs(label, flag: "--label")
        _ = try Self.pairs(annotation, flag: "--annotation")
    }

    func run() async throws {
        try await reportingFailures {
            if let filename {
                try await addFromFile(filename)
            } else if let context {
                try await add(context: context)
            }
        }
    }

    private func add(context: String) async throws {
        let kubeconfig = KubeconfigPath.resolve(core.kubeconfig)
        let target: ClientConfiguration
        do {
            target = try ClientConfiguration.fromKubeconfig(paths: [URL(fileURLWithPath: kubeconfig)], context: context)
        } catch {
            throw CommandFailure("cannot add context \"\(context)\": \(error); list contexts with 'kubectl config get-contexts'")
        }
        let account = serviceAccount ?? ClusterManagerAccount.defaultName
        if serviceAccount == nil, !yes {
            let question = "WARNING: This will create a service account `\(account)` on the cluster referenced by context `\(context)` "
                + "with full cluster level privileges. Do you want to continue?"
            guard ClusterConfirmation.ask(question) else { throw CommandFailure("not added; answer y, or pass --yes") }
        }
        let client = try KubeClient(configuration: target)
        let token: String
        do {
            token = try await ClusterManagerAccount(client: client, context: context, namespace: systemNamespace, name: account)
                .install(createServiceAccount: serviceAccount == nil)
            await client.shutdown()
        } catch {
            await client.shutdown()
            throw error
        }
        var tls: JSONValue = ["insecure": .bool(target.cluster.insecureSkipTLSVerify)]
        if let serverName = target.cluster.tlsServerName { tls["serverName"] = .string(serverName) }
        if let ca = target.cluster.certificateAuthorityPEM { tls["caData"] = .string(Data(ca).base64EncodedString()) }
        let config: JSONValue = ["bearerToken": .string(token), "tlsClientConfig": tls]
        let server = inCluster ? ClusterSecret.inClusterServer : target.cluster.server
        try await save(try makeSecret(server: server, name: name ?? context, config: config), source: "context \"\(context)\"")
    }

    private func addFromFile(_ path: String) async throws {
        let source = InputFile.displayName(path)
        let documents: [JSONValue]
        do {
            documents = try ManifestReader.readDocuments(try InputFile.read(path), source: source)
        } catch let error as DocumentError {
            throw CommandFailure("\(error)")
        }
        guard !documents.isEmpty else { throw CommandFailure("\(source): no cluster Secrets in the file") }
        for (position, document) in documents.enumerated() {
            let place = documents.count > 1 ? "\(source) (document \(position + 1))" : source
            var secret: KubeObject
            do {
                secret = try KubeObject(document)
            } catch {
                throw CommandFailure("\(place): \(error)")
            }
            guard secret.kind == "Secret", secret.apiVersion == "v1" else {
                throw CommandFailure("\(place): \(secret.kind) \(secret.name) is not a v1 Secret; cluster add -f takes cluster Secrets")
            }
            guard secret.label(ClusterSecret.typeLabel) == "cluster" else {
                throw CommandFailure("\(place): Secret \(secret.name) lacks the label \(ClusterSecret.typeLabel): cluster; add it")
            }
            if let namespace = secret.namespace, !namespace.isEmpty, namespace != core.namespace {
                throw CommandFailure("\(place): Secret \(secret.name) is in namespace \(namespace), not \(core.namespace); pass --namespace \(namespace) or change it")
            }
            secret[path: "metadata", "namespace"] = .string(core.namespace)
            try await save(ClusterSecretStore.normalized(secret), source: place)
        }
    }

    /// Validates `secret` as a cluster Secret, writes it, and reports as upstream does.
    private func save(_ secret: KubeObject, source: String) async throws {
        let cluster: ClusterSecret
        do {
            cluster = try ClusterSecret(secret: secret)
        } catch {
            throw CommandFailure("\(source): \(error)")
        }
        _ = try await core.withClient { client in
            try await ClusterSecretStore(client: client, namespace: core.namespace).save(secret, upsert: upsert)
        }
        print("Cluster '\(cluster.server)' added")
    }

    /// The cluster Secret upstream writes: named after the server, values in `data`.
    private func makeSecret(server rawServer: String, name: String, config: JSONValue) throws -> KubeObject {
        let server = rawServer.hasSuffix("/") ? String(rawServer.dropLast()) : rawServer
        guard let secretName = ClusterSecretName.make(server: server) else {
            throw CommandFailure("the server \"\(server)\" is not a URL with a host; fix the context's cluster.server in the kubeconfig")
        }
        var values: [(String, String)] = [("name", name), ("server", server), ("config", JSONWriter.string(config))]
        let managed = namespaces.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !managed.isEmpty { values.append(("namespaces", managed.joined(separator: ","))) }
        if clusterResources { values.append(("clusterResources", "true")) }
        if let project, !project.isEmpty { values.append(("project", project)) }
        if shard >= 0 { values.append(("shard", String(shard))) }
        var secret = KubeObject(apiVersion: "v1", kind: "Secret", name: secretName, namespace: core.namespace)
        secret["type"] = "Opaque"
        secret.setLabel(ClusterSecret.typeLabel, "cluster")
        for (key, value) in try Self.pairs(label, flag: "--label") { secret.setLabel(key, value) }
        secret.setAnnotation("managed-by", "argocd.argoproj.io")
        for (key, value) in try Self.pairs(annotation, flag: "--annotation") { secret.setAnnotation(key, value) }
        for (key, value) in values { secret[path: "data", key] = .string(Data(value.utf8).base64EncodedString()) }
        return secret
    }

    /// `key=value` arguments of `flag`, in order.
    private static func pairs(_ arguments: [String], flag: String) throws -> [(String, String)] {
        try arguments.map { argument in
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("\(flag) \(argument): expected key=value") }
            return (String(parts[0]), String(parts[1]))
        }
    }
}
