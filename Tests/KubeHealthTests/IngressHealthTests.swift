import KubeHealth
import Testing

struct IngressHealthTests {
    private func ingress(apiVersion: String = "networking.k8s.io/v1", status: String) -> String {
        """
        apiVersion: \(apiVersion)
        kind: Ingress
        metadata:
          name: guestbook
          namespace: guestbook
        spec:
          ingressClassName: nginx
          rules:
          - host: guestbook.example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service: {name: guestbook-ui, port: {number: 80}}
        status:
        \(status)
        """
    }

    @Test("an Ingress the controller has not given an address is Progressing")
    func unassigned() throws {
        #expect(try health(ingress(status: "  loadBalancer: {}")) == HealthStatus(.progressing))
    }

    @Test("an Ingress with a published hostname is Healthy, in either API group")
    func assigned() throws {
        let status = """
          loadBalancer:
            ingress:
            - hostname: a1b2c3.elb.eu-west-1.amazonaws.com
        """
        #expect(try health(ingress(status: status)) == HealthStatus(.healthy))
        #expect(try health(ingress(apiVersion: "extensions/v1beta1", status: status)) == HealthStatus(.healthy))
    }
}
