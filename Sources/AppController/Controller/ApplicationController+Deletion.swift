import KubeClient
import KubeModel
import SyncEngine

extension ApplicationController {
    /// Deletes a deleted Application's resources when its finalizer asks for it, and releases the
    /// Application once they are gone. Resources already gone (or never created) never keep it.
    func finalize(_ application: ApplicationView) async {
        let finalizers = application.object.finalizers
        let ours = [Self.finalizerForeground, Self.finalizerBackground].filter(finalizers.contains)
        guard !ours.isEmpty else { return }
        let policy: DeleteOptions.Propagation = ours.contains(Self.finalizerBackground) ? .background : .foreground
        // Resources live on the destination cluster; one that is not (or no longer) configured holds
        // nothing Wharf could delete, as upstream lets such an application go.
        let connection = await clusters.connection(
            server: application.destinationServer, name: application.destinationName, inClusterEnabled: await settings().inClusterEnabled)
        let resources: [ResourceKey: KubeObject]
        let client: KubeClient
        switch connection {
        case .success(let found):
            resources = await found.cache.resources(of: application.name)
            client = found.client
        case .failure(let problem) where problem.unconfigured:
            resources = [:]
            client = self.client
        case .failure:
            await refreshQueue.addAfter(application.name, delay: .seconds(30))
            return
        }
        var remaining = 0
        for (_, object) in resources where !object.isBeingDeleted {
            remaining += 1
            do {
                _ = try await client.delete(object, options: DeleteOptions(propagationPolicy: policy))
            } catch where error.category == .notFound {
                remaining -= 1
            } catch {
                continue
            }
        }
        if remaining > 0 || resources.values.contains(where: \.isBeingDeleted) {
            // The deletions' watch events bring the application back here; this is only a safety net.
            await refreshQueue.addAfter(application.name, delay: .seconds(5))
            return
        }
        let kept = finalizers.filter { !ours.contains($0) }
        if !(await write(application.name, ["metadata": ["finalizers": .array(kept.map(JSONValue.string))]])) {
            await refreshQueue.addRateLimited(application.name)
        }
    }
}
