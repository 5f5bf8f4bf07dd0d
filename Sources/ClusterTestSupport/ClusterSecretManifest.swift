public import Foundation
import KubeClient
public import KubeModel

/// Argo CD cluster Secrets for tests, as `wharf cluster add` writes them: the cluster's URL, CA and
/// the credentials of a kubeconfig.
public enum ClusterSecretManifest {
    /// A Secret named `cluster-<name>` in `namespace` that lets Wharf deploy, as `name`, to the
    /// cluster of `kubeconfig`'s current context (limited to `namespaces` when given).
    public static func make(name: String, kubeconfig: URL, namespace: String = "argocd", namespaces: [String] = [], shard: Int? = nil) throws -> KubeObject {
        let configuration = try ClientConfiguration.fromKubeconfig(paths: [kubeconfig])
        var tls: JSONValue = .emptyObject
        if let ca = configuration.cluster.certificateAuthorityPEM { tls["caData"] = .string(Data(ca).base64EncodedString()) }
        if let cert = configuration.user.clientCertificatePEM { tls["certData"] = .string(Data(cert).base64EncodedString()) }
        if let key = configuration.user.clientKeyPEM { tls["keyData"] = .string(Data(key).base64EncodedString()) }
        var config: JSONValue = ["tlsClientConfig": tls]
        if let token = configuration.user.token { config["bearerToken"] = .string(token) }
        var stringData: JSONValue = ["name": .string(name), "server": .string(configuration.cluster.server), "config": .string(JSONWriter.string(config))]
        if !namespaces.isEmpty { stringData["namespaces"] = .string(namespaces.joined(separator: ",")) }
        if let shard { stringData["shard"] = .string(String(shard)) }
        return try KubeObject([
            "apiVersion": "v1", "kind": "Secret",
            "metadata": ["name": .string("cluster-\(name)"), "namespace": .string(namespace), "labels": ["argocd.argoproj.io/secret-type": "cluster"]],
            "type": "Opaque", "stringData": stringData,
        ])
    }
}
