import ServiceLifecycle

/// Ends all watches when the cluster shuts down gracefully. Runs between the HTTP server and the
/// controllers in the service group: after the controllers have stopped and before the server drains,
/// so that open `kubectl get -w` connections, which would otherwise never finish, let the server stop.
struct WatchCloser: Service {
    let store: ObjectStore

    func run() async throws {
        try? await gracefulShutdown()
        await store.finishAllWatches()
    }
}
