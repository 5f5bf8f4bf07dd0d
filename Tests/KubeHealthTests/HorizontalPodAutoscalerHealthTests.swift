import Foundation
import KubeHealth
import Testing

struct HorizontalPodAutoscalerHealthTests {
    private func autoscalerV2(conditions: String) -> String {
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: guestbook-ui
          namespace: guestbook
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: guestbook-ui}
          minReplicas: 2
          maxReplicas: 10
          metrics:
          - type: Resource
            resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
        status:
          currentReplicas: 2
          desiredReplicas: 2
          conditions:
        \(conditions)
        """
    }

    private func autoscalerV1(annotation: String?) -> String {
        let annotations = annotation.map { "  annotations:\n    autoscaling.alpha.kubernetes.io/conditions: '\(yamlQuoted($0))'" } ?? ""
        return """
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata:
          name: guestbook-ui
          namespace: guestbook
        \(annotations)
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: guestbook-ui}
          minReplicas: 2
          maxReplicas: 10
          targetCPUUtilizationPercentage: 70
        status:
          currentReplicas: 2
          desiredReplicas: 2
        """
    }

    /// The text with its single quotes doubled, for a single-quoted YAML scalar.
    private func yamlQuoted(_ text: String) -> String {
        text.replacingOccurrences(of: "'", with: "''")
    }

    @Test("an autoscaler able to scale is Healthy with its conditions' messages joined by commas")
    func healthy() throws {
        let yaml = autoscalerV2(conditions: """
          - type: AbleToScale
            status: "True"
            reason: ReadyForNewScale
            message: recommended size matches current size
          - type: ScalingLimited
            status: "True"
            reason: TooFewReplicas
            message: the desired replica count is less than the minimum replica count
        """)
        #expect(try health(yaml) == HealthStatus(
            .healthy,
            message: "recommended size matches current size,the desired replica count is less than the minimum replica count"
        ))
    }

    @Test("an autoscaler unable to read its metrics is Degraded with the condition's message")
    func unableToGetMetrics() throws {
        let yaml = autoscalerV2(conditions: """
          - type: AbleToScale
            status: "True"
            reason: SucceededGetScale
            message: the HPA controller was able to get the target's current scale
          - type: ScalingActive
            status: "False"
            reason: FailedGetResourceMetric
            message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API'
        """)
        #expect(try health(yaml) == HealthStatus(
            .degraded,
            message: "the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API"
        ))
    }

    @Test("an autoscaler unable to update its target's scale is Degraded")
    func unableToScale() throws {
        let yaml = autoscalerV2(conditions: """
          - type: AbleToScale
            status: "False"
            reason: FailedUpdateScale
            message: 'the HPA controller was unable to update the target scale: deployments.apps "guestbook-ui" not found'
        """)
        #expect(try health(yaml) == HealthStatus(
            .degraded,
            message: "the HPA controller was unable to update the target scale: deployments.apps \"guestbook-ui\" not found"
        ))
    }

    @Test("an active autoscaler that is neither failing nor limited is waiting to autoscale")
    func scalingActive() throws {
        let yaml = autoscalerV2(conditions: """
          - type: AbleToScale
            status: "True"
            reason: ReadyForNewScale
          - type: ScalingActive
            status: "True"
            reason: ValidMetricFound
            message: the HPA was able to successfully calculate a replica count from cpu resource utilization
        """)
        #expect(try health(yaml) == HealthStatus(.progressing, message: "Waiting to Autoscale"))
    }

    @Test("an autoscaling/v1 autoscaler reads its conditions from the annotation")
    func v1Annotation() throws {
        let degraded = autoscalerV1(annotation: #"[{"type":"AbleToScale","status":"False","lastTransitionTime":"2024-05-01T10:00:00Z","reason":"FailedGetScale","message":"the HPA controller was unable to get the target's current scale: deployments/scale.apps \"guestbook-ui\" not found"}]"#)
        #expect(try health(degraded) == HealthStatus(
            .degraded,
            message: "the HPA controller was unable to get the target's current scale: deployments/scale.apps \"guestbook-ui\" not found"
        ))
        let healthy = autoscalerV1(annotation: #"[{"type":"AbleToScale","status":"True","reason":"ReadyForNewScale","message":"recommended size matches current size"}]"#)
        #expect(try health(healthy) == HealthStatus(.healthy, message: "recommended size matches current size"))
    }

    @Test("an autoscaling/v1 autoscaler without conditions is waiting to autoscale")
    func v1WithoutConditions() throws {
        #expect(try health(autoscalerV1(annotation: nil)) == HealthStatus(.progressing, message: "Waiting to Autoscale"))
        #expect(try health(autoscalerV1(annotation: "[]")) == HealthStatus(.progressing, message: "Waiting to Autoscale"))
    }

    @Test("an unreadable conditions annotation makes the health Unknown")
    func v1BrokenAnnotation() throws {
        let status = try #require(try health(autoscalerV1(annotation: "[{\"type\":")))
        #expect(status.status == .unknown)
        #expect(status.message.hasPrefix("failed to convert conditions annotation to typed: "))
    }
}
