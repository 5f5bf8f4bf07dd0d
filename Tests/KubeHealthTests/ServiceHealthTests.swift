import KubeHealth
import Testing

struct ServiceHealthTests {
    private func service(type: String, status: String = "  loadBalancer: {}") -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: guestbook-ui
          namespace: guestbook
        spec:
          type: \(type)
          selector: {app: guestbook-ui}
          ports:
          - port: 80
            targetPort: 8080
        status:
        \(status)
        """
    }

    @Test("a ClusterIP Service is Healthy as soon as it exists")
    func clusterIP() throws {
        #expect(try health(service(type: "ClusterIP")) == HealthStatus(.healthy))
    }

    @Test("a LoadBalancer Service without an external address is Progressing")
    func loadBalancerPending() throws {
        #expect(try health(service(type: "LoadBalancer")) == HealthStatus(.progressing))
    }

    @Test("a LoadBalancer Service with an address is Healthy")
    func loadBalancerReady() throws {
        let yaml = service(type: "LoadBalancer", status: """
          loadBalancer:
            ingress:
            - ip: 203.0.113.10
        """)
        #expect(try health(yaml) == HealthStatus(.healthy))
    }
}
