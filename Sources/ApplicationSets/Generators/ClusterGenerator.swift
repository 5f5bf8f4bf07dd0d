import AppController
import Foundation
import KubeModel

/// `clusters`: one parameter set per cluster Argo CD knows — each cluster Secret of the controller's
/// namespace whose labels `selector` matches, plus the local cluster (`in-cluster`) when there is no
/// selector and no Secret defines it, as upstream does. A Secret that cannot be read is left out (the
/// applications that deploy to it report why).
struct ClusterGenerator: ApplicationSetGenerator {
    let selector: LabelSelector
    /// `values`: extra parameters, themselves rendered with the cluster's parameters.
    let values: JSONObject

    func generate(_ context: GeneratorContext) async throws(ApplicationSetError) -> [ParameterSet] {
        let readable = context.clusterSecrets.sorted(by: { $0.name < $1.name }).compactMap { try? ClusterSecret(secret: $0) }
        var clusters = readable.filter { selector.matches($0.labels) }.map { $0.parameters(goTemplate: context.goTemplate) }
        if selector.isEmpty && !readable.contains(where: { $0.server == ClusterSecret.inClusterServer }) {
            clusters.append(ClusterSecret.parameters(
                name: ClusterSecret.inClusterName, server: ClusterSecret.inClusterServer, project: "", labels: [:], annotations: [:],
                goTemplate: context.goTemplate))
        }
        var result: [ParameterSet] = []
        for var parameters in clusters {
            if !values.isEmpty {
                var rendered: JSONObject = [:]
                for (key, value) in values {
                    rendered[key] = .string(try context.renderer.render(string: value.parameterText, parameters))
                }
                if context.goTemplate {
                    parameters["values"] = .object(rendered)
                } else {
                    for (key, value) in rendered { parameters["values.\(key)"] = value }
                }
            }
            result.append(parameters)
        }
        return result
    }
}
