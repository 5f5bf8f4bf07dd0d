import KubeHealth
import Testing

struct HealthAssessorTests {
    @Test("any object being deleted is Progressing, even one without a health check")
    func pendingDeletion() throws {
        let configMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: guestbook-config
          namespace: guestbook
          deletionTimestamp: "2024-05-01T10:00:00Z"
          finalizers: [example.com/cleanup]
        """
        #expect(try health(configMap) == HealthStatus(.progressing, message: "Pending deletion"))
    }

    @Test("a hook held by the hook finalizer is assessed on its own status while being deleted")
    func hookBeingDeleted() throws {
        let job = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: db-migrate
          namespace: guestbook
          annotations: {argocd.argoproj.io/hook: PreSync}
          deletionTimestamp: "2024-05-01T10:00:00Z"
          finalizers: [argocd.argoproj.io/hook-finalizer]
        status:
          succeeded: 1
          conditions:
          - {type: Complete, status: "True"}
        """
        #expect(try health(job) == HealthStatus(.healthy))
    }

    @Test("application health is the worst resource health; nothing to assess is Healthy")
    func aggregate() {
        #expect(HealthAssessor.aggregate([]) == .healthy)
        #expect(HealthAssessor.aggregate([.healthy, .suspended]) == .suspended)
        #expect(HealthAssessor.aggregate([.healthy, .progressing, .suspended]) == .progressing)
        #expect(HealthAssessor.aggregate([.missing, .progressing, .healthy]) == .missing)
        #expect(HealthAssessor.aggregate([.degraded, .missing]) == .degraded)
        #expect(HealthAssessor.aggregate([.unknown, .degraded]) == .unknown)
    }
}
