import ClusterTestSupport
import KubeModel

/// An Argo CD Application as the end-to-end tests write it: in the `argocd` namespace, automated
/// (with prune) and `CreateNamespace=true`, deploying into a namespace of its own name unless told
/// otherwise. Tests vary only what they are about: the source's options, the project or the
/// destination.
struct ApplicationManifest {
    var name: String
    var repoURL: String
    var path: String
    /// Extra members of `spec.source` as YAML lines (`helm: ...`, `directory: ...`), unindented.
    var sourceOptions: String = ""
    var project = "default"
    var server = "https://kubernetes.default.svc"
    /// The destination namespace; the application's name when nil.
    var namespace: String?

    /// The manifest as YAML, for a file in a repository (app of apps) or for ``object()``.
    var yaml: String {
        let options = sourceOptions.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }.joined(separator: "\n")
        return """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: \(name)
              namespace: \(RunningCluster.argoNamespace)
            spec:
              project: \(project)
              source:
                repoURL: "\(repoURL)"
                path: \(path)
                targetRevision: main
            \(options)
              destination: {server: "\(server)", namespace: \(namespace ?? name)}
              syncPolicy:
                automated: {prune: true}
                syncOptions: [CreateNamespace=true]

            """
    }

    /// The manifest as an object to create.
    func object() throws -> KubeObject {
        try KubeObject(YAMLReader.read(yaml))
    }
}
