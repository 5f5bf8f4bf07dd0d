import ServiceLifecycle

/// Sends BOOKMARK events to the watches that allow them, every `interval`, as kube-apiserver's watch
/// cache does, so that clients can resume from a recent version after a quiet period. One timer for all
/// watches; it stops on graceful shutdown.
struct WatchBookmarker: Service {
    let store: ObjectStore
    let interval: Duration

    func run() async {
        await cancelWhenGracefulShutdown {
            // Cancellation ends the sleep early and the loop with it; it is how this service stops, not
            // a failure to report.
            while (try? await Task.sleep(for: interval)) != nil {
                await store.sendBookmarks()
            }
        }
    }
}
