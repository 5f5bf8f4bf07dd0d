import Logging
import ServiceLifecycle

/// Runs the embedded cluster's controllers side by side for as long as the cluster runs; a graceful
/// shutdown cancels them.
struct ControllerManager: Service {
    let controllers: [any ClusterController]

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for controller in controllers {
                    group.addTask { await controller.run() }
                }
            }
        }
    }
}
