import Foundation

/// The name upstream gives a cluster Secret: `cluster-<host>-<FNV-32a of the URL>` (Argo CD's
/// `URIToSecretName`), so that Secrets written by `argocd cluster add` and `wharf cluster add` coincide.
enum ClusterSecretName {
    /// The name for `server`, or nil when it is not a URL with a host.
    static func make(server: String) -> String? {
        guard let components = URLComponents(string: server), var host = components.host, !host.isEmpty else { return nil }
        // IPv6 hosts lose their brackets and use dashes, as upstream writes them.
        host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).replacingOccurrences(of: ":", with: "-")
        var hash: UInt32 = 2_166_136_261
        for byte in server.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return "cluster-\(host.lowercased())-\(hash)"
    }
}
