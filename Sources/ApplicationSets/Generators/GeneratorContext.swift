import KubeModel

/// What generators may read: the ApplicationSet's templating mode, the cluster Secrets of the
/// controller's namespace and the Git repositories.
struct GeneratorContext: Sendable {
    /// Renders strings (matrix interpolation, cluster `values`) in the ApplicationSet's mode.
    let renderer: TemplateRenderer
    /// The Secrets labelled `argocd.argoproj.io/secret-type: cluster`.
    let clusterSecrets: [KubeObject]
    /// The Git repositories.
    let git: any GitRepositoryReader

    /// Whether parameters nest (goTemplate) or are flat (fasttemplate).
    var goTemplate: Bool { renderer.goTemplate }
}
