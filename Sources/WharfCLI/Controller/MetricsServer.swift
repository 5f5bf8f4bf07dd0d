import AppController
import Foundation
import Hummingbird
import Logging

/// The controller's Prometheus endpoint, `GET /metrics` over plain HTTP, on upstream's port 8082 by
/// default, as `argocd-application-controller` serves it.
enum MetricsServer {
    /// Serves until the calling task is cancelled. A port that cannot be bound is reported and the
    /// controller carries on without metrics: they must never stop deployments.
    static func run(controller: ApplicationController, host: String = "127.0.0.1", port: Int) async {
        let router = Router()
        router.get("metrics") { _, _ in await controller.metricsExposition() }
        var logger = Logger(label: "wharf.metrics")
        logger.logLevel = .warning
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "wharf-controller"),
            onServerRunning: { channel in
                FileHandle.standardOutput.write(Data("metrics: http://\(host):\(channel.localAddress?.port ?? port)/metrics\n".utf8))
            }, logger: logger)
        do {
            try await application.run()
        } catch {
            FileHandle.standardError.write(Data("warning: controller metrics not served on \(host):\(port): \(error)\n".utf8))
        }
    }
}
