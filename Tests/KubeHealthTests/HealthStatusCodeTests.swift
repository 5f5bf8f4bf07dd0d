import KubeHealth
import Testing

struct HealthStatusCodeTests {
    @Test("statuses order from best to worst as upstream's IsWorse does")
    func ordering() {
        let order: [HealthStatusCode] = [.healthy, .suspended, .progressing, .missing, .degraded, .unknown]
        #expect(HealthStatusCode.allCases == order)
        #expect(HealthStatusCode.degraded.isWorse(than: .missing))
        #expect(!HealthStatusCode.healthy.isWorse(than: .suspended))
        #expect([HealthStatusCode.progressing, .healthy, .degraded].max() == .degraded)
    }
}
