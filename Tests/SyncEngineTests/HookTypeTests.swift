import KubeModel
import SyncEngine
import Testing

struct HookTypeTests {
    @Test("Argo CD's hook annotation wins; Helm's hooks map to sync phases as upstream maps them")
    func hookAnnotations() {
        let argo: JSONValue = ["metadata": ["annotations": ["argocd.argoproj.io/hook": "PreSync,PostSync", "helm.sh/hook": "post-install"]]]
        #expect(HookType.of(argo) == [.preSync, .postSync])
        let helm: JSONValue = ["metadata": ["annotations": ["helm.sh/hook": "pre-install,pre-upgrade,test"]]]
        #expect(HookType.of(helm) == [.preSync])
        #expect(HookType.of(["metadata": ["name": "plain"]]).isEmpty)
    }
}
