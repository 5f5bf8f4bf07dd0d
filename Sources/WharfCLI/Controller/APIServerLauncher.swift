import APIServer
import Foundation
import KubeClient

/// Runs the API server against a kubeconfig until the calling task is cancelled, printing where it
/// listens and how to log in the first time.
enum APIServerLauncher {
    static func run(kubeconfig: String, configuration: APIServerConfiguration, embedded: Bool) async throws {
        let client = try KubeClient(configuration: try ClientConfiguration.fromKubeconfig(paths: [URL(fileURLWithPath: kubeconfig)]))
        let namespace = configuration.namespace
        do {
            try await APIServer.run(configuration: configuration, client: client) { endpoint in
                let insecureFlag = configuration.insecure ? " --plaintext" : " --insecure"
                let kubeconfigNote = embedded ? "KUBECONFIG=\(kubeconfig) " : ""
                let lines = """
                    Wharf API server listening on \(endpoint.url.absoluteString)
                    log in:  wharf login \(endpoint.url.host ?? "127.0.0.1"):\(endpoint.port)\(insecureFlag) --username admin
                    initial admin password:  wharf admin initial-password --kubeconfig \(kubeconfig)
                        (or: \(kubeconfigNote)kubectl -n \(namespace) get secret argocd-initial-admin-secret -o jsonpath="{.data.password}" | base64 -d)

                    """
                FileHandle.standardOutput.write(Data(lines.utf8))
            }
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }
}
