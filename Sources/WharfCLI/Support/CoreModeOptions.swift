import AppController
import ArgumentParser
import Foundation
import KubeClient

/// The options of commands that read and write Argo CD's objects straight through the Kubernetes
/// API, as `argocd --core` does (Wharf has no API server to talk to yet).
struct CoreModeOptions: ParsableArguments {
    @Option(help: "The kubeconfig of the cluster holding the objects (default: $KUBECONFIG or ~/.kube/config).")
    var kubeconfig: String?

    @Option(help: "The namespace of Argo CD's objects and settings.")
    var namespace = "argocd"

    @Flag(help: "Talk to Kubernetes directly; accepted for upstream scripts, as this is the only mode so far.")
    var core = false

    init() {}

    /// Options for `kubeconfig` and `namespace`, for commands that take them another way.
    init(kubeconfig: String?, namespace: String) {
        self.kubeconfig = kubeconfig
        self.namespace = namespace
    }

    /// Runs `body` with a client for the kubeconfig's cluster, shut down afterwards whatever happens.
    @discardableResult
    func withClient<T>(_ body: (KubeClient) async throws -> T) async throws -> T {
        let path = KubeconfigPath.resolve(kubeconfig)
        let configuration: ClientConfiguration
        do {
            configuration = try ClientConfiguration.fromKubeconfig(paths: [URL(fileURLWithPath: path)])
        } catch {
            throw CommandFailure("cannot use kubeconfig \(path): \(error); pass --kubeconfig or set KUBECONFIG")
        }
        let client = try KubeClient(configuration: configuration)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }
}
