import KubeHealth
import Testing

struct APIServiceHealthTests {
    private func apiService(apiVersion: String = "apiregistration.k8s.io/v1", status: String) -> String {
        """
        apiVersion: \(apiVersion)
        kind: APIService
        metadata:
          name: v1beta1.metrics.k8s.io
        spec:
          group: metrics.k8s.io
          version: v1beta1
          groupPriorityMinimum: 100
          versionPriority: 100
          service: {name: metrics-server, namespace: kube-system}
        status:
        \(status)
        """
    }

    @Test("an available APIService is Healthy with the condition's reason and message")
    func available() throws {
        let yaml = apiService(status: """
          conditions:
          - type: Available
            status: "True"
            reason: Passed
            message: all checks passed
        """)
        #expect(try health(yaml) == HealthStatus(.healthy, message: "Passed: all checks passed"))
    }

    @Test("an unavailable APIService is Progressing, as its server is usually still starting")
    func unavailable() throws {
        let yaml = apiService(apiVersion: "apiregistration.k8s.io/v1beta1", status: """
          conditions:
          - type: Available
            status: "False"
            reason: MissingEndpoints
            message: endpoints for service/metrics-server in "kube-system" have no addresses with port name "https"
        """)
        #expect(try health(yaml) == HealthStatus(
            .progressing,
            message: "MissingEndpoints: endpoints for service/metrics-server in \"kube-system\" have no addresses with port name \"https\""
        ))
    }

    @Test("an APIService without conditions is waiting to be processed")
    func unprocessed() throws {
        #expect(try health(apiService(status: "  {}")) == HealthStatus(.progressing, message: "Waiting to be processed"))
    }
}
