import KubeHealth
import Testing

struct ArgoApplicationHealthTests {
    private func application(status: String) -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: guestbook
          namespace: argocd
        spec:
          project: default
          source:
            repoURL: https://github.com/argoproj/argocd-example-apps.git
            path: guestbook
            targetRevision: HEAD
          destination: {server: "https://kubernetes.default.svc", namespace: guestbook}
        \(status)
        """
    }

    @Test("a child Application reports the health its controller wrote, with the message")
    func reportedHealth() throws {
        let degraded = application(status: """
        status:
          sync: {status: Synced}
          health:
            status: Degraded
            message: 'Deployment "guestbook-ui" exceeded its progress deadline'
        """)
        #expect(try health(degraded) == HealthStatus(
            .degraded, message: "Deployment \"guestbook-ui\" exceeded its progress deadline"
        ))
        let healthy = application(status: "status:\n  health: {status: Healthy}")
        #expect(try health(healthy) == HealthStatus(.healthy))
    }

    @Test("a child Application its controller has not assessed yet is Progressing")
    func notYetAssessed() throws {
        #expect(try health(application(status: "")) == HealthStatus(.progressing))
        #expect(try health(application(status: "status:\n  sync: {status: OutOfSync}")) == HealthStatus(.progressing))
    }

    @Test("a health status Wharf does not know is Unknown")
    func invalidStatus() throws {
        let yaml = application(status: "status:\n  health: {status: Sideways}")
        #expect(try health(yaml) == HealthStatus(.unknown, message: "Lua returned an invalid health status"))
    }
}
