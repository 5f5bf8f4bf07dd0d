import AppController
import Foundation
import KubeClient
import KubeModel
import RepoServer

/// Starts the application controller against a kubeconfig: the `argoproj.io` definitions and the
/// `default` project installed, the controller namespace created, then the controller run until
/// the calling task is cancelled.
enum ControllerLauncher {
    static func run(kubeconfig: String, namespace: String, cacheDirectory: URL) async throws {
        let client = try KubeClient(configuration: try ClientConfiguration.fromKubeconfig(paths: [URL(fileURLWithPath: kubeconfig)]))
        do {
            try await prepare(client, namespace: namespace)
            let repo = try RepoService(configuration: RepoServerConfiguration(cacheDirectory: cacheDirectory))
            let controller = ApplicationController(configuration: AppControllerConfiguration(namespace: namespace), client: client, repo: repo)
            FileHandle.standardOutput.write(Data("Wharf application controller watching Applications in namespace \(namespace)\n".utf8))
            await controller.run()
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    private static func prepare(_ client: KubeClient, namespace: String) async throws {
        do {
            _ = try await client.create(KubeObject(apiVersion: "v1", kind: "Namespace", name: namespace))
        } catch where error.category == .alreadyExists {}
        let installer = CRDInstaller()
        try await installer.install(using: client)
        try await installer.ensureDefaultProject(namespace: namespace, using: client)
    }
}
