import Foundation
public import KubeModel

/// Sync options, from an application's `syncPolicy.syncOptions` and a resource's
/// `argocd.argoproj.io/sync-options` annotation (comma-separated `Name=value` entries; the resource's
/// win), with upstream's names.
public struct SyncOptions: Sendable, Equatable {
    private var values: [String: String] = [:]

    /// Options from `Name=value` entries.
    public init(_ entries: [String] = []) {
        for entry in entries { add(entry) }
    }

    /// These options with a resource's annotation applied over them.
    public func merged(with object: KubeObject) -> SyncOptions {
        guard let annotation = object.annotation(WellKnownAnnotations.syncOptions) else { return self }
        var merged = self
        for entry in annotation.split(separator: ",") { merged.add(String(entry)) }
        return merged
    }

    private mutating func add(_ entry: String) {
        let trimmed = entry.trimmingCharacters(in: .whitespaces)
        guard let equals = trimmed.firstIndex(of: "=") else { return }
        values[String(trimmed[..<equals])] = String(trimmed[trimmed.index(after: equals)...])
    }

    /// The raw value of an option.
    public func value(_ name: String) -> String? { values[name] }

    private func isTrue(_ name: String) -> Bool { values[name]?.lowercased() == "true" }

    /// `Validate=false` turns off schema validation.
    public var validate: Bool { values["Validate"]?.lowercased() != "false" }
    /// `CreateNamespace=true`.
    public var createNamespace: Bool { isTrue("CreateNamespace") }
    /// `Prune=false` keeps the resource even when it left Git.
    public var pruneDisabled: Bool { values["Prune"]?.lowercased() == "false" }
    /// `PruneLast=true` prunes after everything else has synced.
    public var pruneLast: Bool { isTrue("PruneLast") }
    /// `PrunePropagationPolicy=foreground|background|orphan` (foreground by default).
    public var prunePropagationPolicy: String { values["PrunePropagationPolicy"]?.lowercased() ?? "foreground" }
    /// `ApplyOutOfSyncOnly=true` skips resources already in sync.
    public var applyOutOfSyncOnly: Bool { isTrue("ApplyOutOfSyncOnly") }
    /// `ServerSideApply=true`.
    public var serverSideApply: Bool { isTrue("ServerSideApply") }
    /// `Replace=true` replaces instead of applying.
    public var replace: Bool { isTrue("Replace") }
    /// `Force=true` deletes and recreates what cannot be updated.
    public var force: Bool { isTrue("Force") }
    /// `RespectIgnoreDifferences=true` keeps ignored fields' live values when applying.
    public var respectIgnoreDifferences: Bool { isTrue("RespectIgnoreDifferences") }
    /// `FailOnSharedResource=true` fails a sync that would take over another application's resource.
    public var failOnSharedResource: Bool { isTrue("FailOnSharedResource") }
    /// `SkipDryRunOnMissingResource=true` skips the dry run of kinds the cluster does not know yet.
    public var skipDryRunOnMissingResource: Bool { isTrue("SkipDryRunOnMissingResource") }
}
