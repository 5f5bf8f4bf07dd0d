import KubeHealth
import KubeModel
import SyncEngine
import Testing

/// Application-level sync status and health from a comparison, as upstream computes them.
struct ComparisonTests {
    private func object(_ yaml: String) throws -> KubeObject { try KubeObject(YAMLReader.read(yaml)) }

    private func deployment(available: Bool) throws -> KubeObject {
        try object("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop, generation: 1}
            spec: {replicas: 1, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx}]}}}
            status:
              observedGeneration: 1
              replicas: 1
              updatedReplicas: 1
              readyReplicas: \(available ? 1 : 0)
              availableReplicas: \(available ? 1 : 0)
            """)
    }

    @Test("a resource of a kind without health that is not created yet leaves the app's health to the others")
    func missingConfigMapDoesNotCount() throws {
        let live = try deployment(available: true)
        let settings = try object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {a: b}\n")
        let comparison = Comparison(desired: [live, settings], live: [live.key: live])
        #expect(comparison.syncStatus == .outOfSync)
        #expect(comparison.health.status == .healthy)
        #expect(comparison.resources.first { $0.key.kind == "ConfigMap" }?.health?.status == .missing)
    }

    @Test("a missing Deployment makes the app Missing; a child Application in Unknown health does not make the parent Unknown")
    func missingWorkloadAndUnknownChild() throws {
        let web = try deployment(available: true)
        #expect(Comparison(desired: [web], live: [:]).health.status == .missing)
        let child = try object("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: child, namespace: argocd}
            spec: {project: default}
            status: {health: {status: Unknown}}
            """)
        let comparison = Comparison(desired: [web, child], live: [web.key: web, child.key: child])
        #expect(comparison.health.status == .healthy)
    }
}
