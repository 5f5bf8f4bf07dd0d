import ClusterTestSupport
import Foundation
import KubeClient
import SyncEngine

extension RunningCluster {
    /// Runs `body` with a running application controller and a file:// repository holding `files`
    /// (paths relative to the repository) committed on `main`; everything is removed afterwards.
    static func withController(
        repositoryFiles files: [String: String], tracking: ResourceTracking = ResourceTracking(),
        _ body: @escaping @Sendable (KubeClient, AppRepository) async throws -> Void
    ) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-appcontroller-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = try await AppRepository(in: root)
        try repository.write(files)
        try await repository.commit()
        try await withController(cacheDirectory: root.appendingPathComponent("cache"), tracking: tracking) { client in
            try await body(client, repository)
        }
    }
}
