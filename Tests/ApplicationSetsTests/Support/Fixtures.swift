import ApplicationSets
import ClusterTestSupport
import Foundation
import KubeModel
import RepoServer

/// Builders shared by the tests.
enum Fixtures {
    /// An ApplicationSet object from YAML (namespace `argocd` unless the YAML says otherwise).
    static func applicationSet(_ yaml: String) throws -> KubeObject {
        var object = try KubeObject(try YAMLReader.read(yaml))
        if object.namespace == nil { object.namespace = "argocd" }
        return object
    }

    /// A scratch directory for one test.
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-appset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A repo server caching under `directory`.
    static func repoService(in directory: URL) throws -> RepoService {
        try RepoService(configuration: RepoServerConfiguration(cacheDirectory: directory.appendingPathComponent("cache")))
    }

    /// A renderer with the given cluster Secrets and a repo server of its own.
    static func renderer(in directory: URL, clusterSecrets: [KubeObject] = []) throws -> ApplicationSetRenderer {
        ApplicationSetRenderer(clusterSecrets: clusterSecrets, git: try repoService(in: directory))
    }

    /// A cluster Secret as `argocd cluster add` writes it (values base64-encoded in `data`).
    static func clusterSecret(name: String, server: String, labels: [String: String] = [:], annotations: [String: String] = [:]) -> KubeObject {
        var secret = KubeObject(apiVersion: "v1", kind: "Secret", name: "cluster-\(name)", namespace: "argocd")
        secret.labels = labels.merging(["argocd.argoproj.io/secret-type": "cluster"]) { a, _ in a }
        secret.annotations = annotations
        secret["data"] = [
            "name": .string(Data(name.utf8).base64EncodedString()), "server": .string(Data(server.utf8).base64EncodedString()),
        ]
        return secret
    }
}
