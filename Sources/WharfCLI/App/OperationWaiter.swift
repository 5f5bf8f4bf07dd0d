import Foundation
import KubeModel

/// Waits for an application's requested operation to finish and prints its outcome, as `argocd
/// app sync` and `app rollback` do when not `--async`.
enum OperationWaiter {
    /// Polls `name` until the operation `requested` (the patch's `operation`) is done; fails unless it succeeded.
    static func wait(_ api: APIConnection, name: String, requested: JSONValue, timeout: Int) async throws {
        let path = APIConnection.path("/api/v1/applications", name)
        let deadline = ContinuousClock.now + .seconds(timeout)
        while ContinuousClock.now < deadline {
            let current = try await api.call(.GET, path)
            let state = current[path: ["status", "operationState"]]
            let phase = state?["phase"]?.stringValue ?? ""
            let pending = current["operation"].map { !$0.isNull } ?? false
            if !pending, state?["operation"]?["sync"] == requested["sync"], state?[path: ["operation", "initiatedBy"]] == requested["initiatedBy"],
                ["Succeeded", "Failed", "Error"].contains(phase)
            {
                let message = state?["message"]?.stringValue ?? ""
                print("Name:      \(name)\nOperation: Sync\nPhase:     \(phase)\nMessage:   \(message)")
                guard phase == "Succeeded" else { throw CommandFailure("Operation has completed with phase: \(phase): \(message)") }
                return
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw CommandFailure("application \(name): the operation did not finish within \(timeout)s (it goes on; see wharf app get \(name))")
    }
}
