import KubeHealth
import Testing

struct PersistentVolumeClaimHealthTests {
    private func claim(phase: String) -> String {
        """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: data-redis-0
          namespace: cache
        spec:
          accessModes: [ReadWriteOnce]
          storageClassName: standard
          resources:
            requests: {storage: 8Gi}
        status:
          phase: \(phase)
        """
    }

    @Test("each claim phase maps to upstream's health", arguments: [
        ("Bound", HealthStatusCode.healthy),
        ("Pending", .progressing),
        ("Lost", .degraded),
        ("Resizing", .unknown),
    ])
    func phases(phase: String, expected: HealthStatusCode) throws {
        #expect(try health(claim(phase: phase)) == HealthStatus(expected))
    }
}
