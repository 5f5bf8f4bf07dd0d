import KubeHealth
import Testing

struct ArgoWorkflowHealthTests {
    private func workflow(phase: String?, message: String = "") -> String {
        let phaseLine = phase.map { "  phase: \($0)" } ?? ""
        return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: ci-build-x7k2p
          namespace: argo
        spec:
          entrypoint: build
        status:
        \(phaseLine)
          message: "\(message)"
        """
    }

    @Test("a Workflow's phase decides its health and its message is kept", arguments: [
        (String?.none, HealthStatusCode.progressing),
        ("Pending", .progressing),
        ("Running", .progressing),
        ("Succeeded", .healthy),
        ("Failed", .degraded),
        ("Error", .degraded),
        ("Paused", .unknown),
    ])
    func phases(phase: String?, expected: HealthStatusCode) throws {
        let yaml = workflow(phase: phase, message: "child 'build' failed")
        #expect(try health(yaml) == HealthStatus(expected, message: "child 'build' failed"))
    }
}
