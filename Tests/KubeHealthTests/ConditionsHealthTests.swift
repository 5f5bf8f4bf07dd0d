import KubeHealth
import Testing

struct ConditionsHealthTests {
    private func certificate(generation: Int = 1, status: String) -> String {
        """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: guestbook-tls
          namespace: guestbook
          generation: \(generation)
        spec:
          secretName: guestbook-tls
          dnsNames: [guestbook.example.com]
          issuerRef: {name: letsencrypt, kind: ClusterIssuer}
        status:
        \(status)
        """
    }

    @Test("a custom resource whose Ready condition is True is Healthy with its message")
    func readyTrue() throws {
        let yaml = certificate(status: """
          conditions:
          - type: Ready
            status: "True"
            reason: Ready
            message: Certificate is up to date and has not expired
        """)
        #expect(try health(yaml) == HealthStatus(.healthy, message: "Certificate is up to date and has not expired"))
    }

    @Test("a custom resource whose Ready condition is False is Degraded with its message")
    func readyFalse() throws {
        let yaml = certificate(status: """
          conditions:
          - type: Issuing
            status: "True"
            reason: DoesNotExist
          - type: Ready
            status: "False"
            reason: DoesNotExist
            message: Issuing certificate as Secret does not exist
        """)
        #expect(try health(yaml) == HealthStatus(.degraded, message: "Issuing certificate as Secret does not exist"))
    }

    @Test("an Available condition decides when there is no Ready one, and the reason stands in for a missing message")
    func available() throws {
        let yaml = """
        apiVersion: kafka.strimzi.io/v1beta2
        kind: KafkaTopic
        metadata: {name: orders, namespace: kafka, generation: 3}
        spec: {partitions: 12, replicas: 3}
        status:
          observedGeneration: 3
          conditions:
          - {type: Available, status: "Unknown", reason: Reconciling}
        """
        #expect(try health(yaml) == HealthStatus(.progressing, message: "Reconciling"))
    }

    @Test("conditions written for an older generation are not trusted")
    func staleGeneration() throws {
        let yaml = certificate(generation: 3, status: """
          observedGeneration: 2
          conditions:
          - {type: Ready, status: "True", message: Certificate is up to date and has not expired}
        """)
        #expect(try health(yaml) == HealthStatus(
            .progressing, message: "Waiting for the controller to observe generation 3 (observed 2)"
        ))
    }

    @Test("a custom resource without a Ready or Available condition has no health, as upstream")
    func noOpinion() throws {
        let yaml = certificate(status: """
          conditions:
          - {type: Issuing, status: "True"}
        """)
        #expect(try health(yaml) == nil)
        #expect(try health(certificate(status: "  {}")) == nil)
    }

    @Test("built-in kinds without a check have no health, even with a Ready condition")
    func builtinKinds() throws {
        let node = """
        apiVersion: v1
        kind: Node
        metadata: {name: worker-1}
        status:
          conditions:
          - {type: Ready, status: "False", reason: KubeletNotReady}
        """
        #expect(try health(node) == nil)
        let configMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: guestbook-config, namespace: guestbook}
        data: {LOG_LEVEL: info}
        """
        #expect(try health(configMap) == nil)
    }
}
