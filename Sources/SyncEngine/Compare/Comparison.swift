import Foundation
import KubeDiff
public import KubeHealth
public import KubeModel

/// Desired objects compared with live ones: each resource's sync status and health, and the
/// application's (OutOfSync when any resource is; health the worst of its resources').
public struct Comparison: Sendable {
    public var resources: [ResourceStatus]
    public var syncStatus: SyncStatusCode
    public var health: HealthStatus

    /// Compares. Hooks are not compared (they exist only while they run).
    /// - Parameters:
    ///   - desired: The desired objects, namespaces assigned and tracking stamped.
    ///   - live: The application's live resources.
    ///   - ignore: Fields that do not count; entries are bound to each live object, so that
    ///     `managedFieldsManagers` see its managed fields.
    public init(desired: [KubeObject], live: [ResourceKey: KubeObject], ignore: [IgnoreDifference] = []) {
        var resources: [ResourceStatus] = []
        var seen: Set<ResourceKey> = []
        for object in desired where HookType.of(object.content).isEmpty {
            let key = object.key
            seen.insert(key)
            let current = live[key]
            let status: SyncStatusCode
            if let current {
                // Bound per resource: fields ignored by manager are those owned in this live object.
                let options = DiffOptions(normalizers: [ServerFieldsNormalizer()] + ignore.map { $0.bound(toLive: current.content) })
                let modified = (try? Differ.diff(desired: object.content, live: current.content, options: options).modified) ?? true
                status = modified ? .outOfSync : .synced
            } else {
                status = .outOfSync
            }
            let health = current.map { HealthAssessor.health(of: $0.content) } ?? HealthStatus(.missing)
            resources.append(
                ResourceStatus(
                    key: key, version: object.groupVersionKind.version, status: status, health: health, requiresPruning: false, desired: object,
                    live: current))
        }
        for (key, object) in live where !seen.contains(key) && HookType.of(object.content).isEmpty {
            resources.append(
                ResourceStatus(
                    key: key, version: object.groupVersionKind.version, status: .outOfSync, health: HealthAssessor.health(of: object.content),
                    requiresPruning: true, desired: nil, live: object))
        }
        resources.sort { $0.key < $1.key }
        self.resources = resources
        syncStatus = resources.contains { $0.status != .synced } ? .outOfSync : .synced
        let worst = resources.compactMap(Self.countedHealth).max { $0.status < $1.status }
        health = worst.map { HealthStatus($0.status, message: $0.status == .healthy ? "" : $0.message) } ?? HealthStatus(.healthy)
    }

    /// The health a resource adds to its application's, as upstream counts it (see
    /// ``HealthAssessor/aggregate(_:)``): nothing for what awaits pruning, for a missing resource of a
    /// kind without a health check, and for a child Application that is Missing or Unknown (its own
    /// status says why; the parent should not turn Unknown with it).
    private static func countedHealth(_ resource: ResourceStatus) -> HealthStatus? {
        guard !resource.requiresPruning, let health = resource.health else { return nil }
        if resource.live == nil && !HealthAssessor.missingCounts(group: resource.key.group, kind: resource.key.kind) { return nil }
        if resource.key.group == "argoproj.io" && resource.key.kind == "Application" && (health.status == .missing || health.status == .unknown) {
            return nil
        }
        return health
    }
}
