import Foundation

/// Which kubeconfig a command uses, as kubectl chooses it: the flag, else the first file of
/// `$KUBECONFIG`, else `~/.kube/config`.
enum KubeconfigPath {
    /// The path to read; `explicit` is the `--kubeconfig` flag's value.
    static func resolve(_ explicit: String?) -> String {
        explicit ?? ProcessInfo.processInfo.environment["KUBECONFIG"]?.split(separator: ":").first.map(String.init)
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".kube/config").path
    }
}
