import Foundation
import KubeModel

/// Writes the kubeconfig that points kubectl (and any client) at the embedded cluster.
enum KubeconfigWriter {
    /// The kubeconfig text for a server at `serverURL`, trusting `caPEM`, authenticating with `token`.
    static func kubeconfig(serverURL: String, caPEM: String, token: String, contextName: String) -> String {
        let document: JSONValue = [
            "apiVersion": "v1", "kind": "Config",
            "clusters": [["name": .string(contextName), "cluster": [
                "server": .string(serverURL),
                "certificate-authority-data": .string(Data(caPEM.utf8).base64EncodedString()),
            ]]],
            "users": [["name": "wharf-admin", "user": ["token": .string(token)]]],
            "contexts": [["name": .string(contextName), "context": ["cluster": .string(contextName), "user": "wharf-admin", "namespace": "default"]]],
            "current-context": .string(contextName),
            "preferences": [:],
        ]
        return YAMLWriter.string(document)
    }
}
