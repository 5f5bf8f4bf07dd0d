import ArgumentParser
import KubeModel

/// The `-o` formats of upstream's `argocd cluster list|get`: the table (`wide`), server URLs only, or
/// the clusters as JSON or YAML.
enum ClusterOutput: String, ExpressibleByArgument, CaseIterable {
    case wide, server, json, yaml

    /// The text for `views`; `single` prints one object rather than a list, as `get` does.
    func render(_ views: [ClusterView], single: Bool) -> String {
        switch self {
        case .wide: return ClusterView.table(views)
        case .server: return views.map { $0.server + "\n" }.joined()
        case .json, .yaml:
            let format = self == .json ? ObjectOutput.json : ObjectOutput.yaml
            let text = single && views.count == 1 ? format.render(views[0].json) : format.render(list: views.map(\.json))
            return text ?? ""
        }
    }
}
