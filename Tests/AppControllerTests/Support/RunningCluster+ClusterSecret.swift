import AppController
import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import LocalCluster

extension RunningCluster {
    /// A cluster Secret, as `wharf cluster add` writes one, that lets Wharf deploy to this cluster as
    /// `name`: its URL, CA and the kubeconfig's credentials.
    func clusterSecret(name: String, namespaces: [String] = []) throws -> KubeObject {
        let configuration = try ClientConfiguration.fromKubeconfig(paths: [endpoint.kubeconfigPath])
        var tls: JSONValue = .emptyObject
        if let ca = configuration.cluster.certificateAuthorityPEM { tls["caData"] = .string(Data(ca).base64EncodedString()) }
        if let cert = configuration.user.clientCertificatePEM { tls["certData"] = .string(Data(cert).base64EncodedString()) }
        if let key = configuration.user.clientKeyPEM { tls["keyData"] = .string(Data(key).base64EncodedString()) }
        var config: JSONValue = ["tlsClientConfig": tls]
        if let token = configuration.user.token { config["bearerToken"] = .string(token) }
        var stringData: JSONValue = ["name": .string(name), "server": .string(configuration.cluster.server), "config": .string(JSONWriter.string(config))]
        if !namespaces.isEmpty { stringData["namespaces"] = .string(namespaces.joined(separator: ",")) }
        return try KubeObject([
            "apiVersion": "v1", "kind": "Secret",
            "metadata": ["name": .string("cluster-\(name)"), "namespace": .string(Self.argoNamespace), "labels": [ClusterSecret.typeLabel: "cluster"]],
            "type": "Opaque", "stringData": stringData,
        ])
    }
}
