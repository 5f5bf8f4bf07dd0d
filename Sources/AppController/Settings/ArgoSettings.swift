public import KubeModel
public import SyncEngine

/// What the application controller reads from the `argocd-cm` ConfigMap, under upstream's keys:
/// resource tracking (`application.resourceTrackingMethod`, `application.instanceLabelKey`) and the
/// system-wide diff customisations (`resource.customizations.ignoreDifferences.<group>_<kind>` and
/// `.all`, and the older `resource.customizations` block).
public struct ArgoSettings: Sendable {
    /// The ConfigMap's name, as upstream's.
    public static let configMapName = "argocd-cm"

    /// How resources are tied to applications.
    public var tracking: ResourceTracking
    /// Ignore rules for every application.
    public var ignoreDifferences: [IgnoreDifference]
    /// Whether syncs impersonate the project's destination service accounts
    /// (`application.sync.impersonation.enabled`).
    public var impersonation: Bool
    /// Whether the in-cluster destination may be used (`cluster.inClusterEnabled`).
    public var inClusterEnabled: Bool
    /// Settings that could not be read, each naming the key and the problem; they are left out.
    public var problems: [String]

    /// Upstream's defaults (no `argocd-cm`).
    public init() {
        tracking = ResourceTracking()
        ignoreDifferences = []
        impersonation = false
        inClusterEnabled = true
        problems = []
    }

    /// The settings in `configMap` (an `argocd-cm` object; nil gives the defaults).
    public init(configMap: KubeObject?) {
        self.init()
        let data = (configMap?["data"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        if let method = data["application.resourceTrackingMethod"], !method.isEmpty {
            if let parsed = TrackingMethod(rawValue: method) {
                tracking.method = parsed
            } else {
                problems.append("argocd-cm application.resourceTrackingMethod: unknown method \"\(method)\"; use annotation, label or annotation+label")
            }
        }
        if let label = data["application.instanceLabelKey"], !label.isEmpty { tracking.instanceLabelKey = label }
        impersonation = data["application.sync.impersonation.enabled"] == "true"
        inClusterEnabled = data["cluster.inClusterEnabled"] != "false"
        let prefix = "resource.customizations.ignoreDifferences."
        for (key, text) in data.sorted(by: { $0.key < $1.key }) where key.hasPrefix(prefix) {
            let target = String(key.dropFirst(prefix.count))
            let (group, kind): (String, String)
            if target == "all" {
                (group, kind) = ("*", "*")
            } else if let separator = target.lastIndex(of: "_") {
                (group, kind) = (String(target[..<separator]), String(target[target.index(after: separator)...]))
            } else {
                (group, kind) = ("", target)
            }
            addIgnore(text, group: group, kind: kind, key: key)
        }
        // The older form: one YAML block of `group/Kind: {ignoreDifferences: "yaml"}`.
        if let block = data["resource.customizations"], !block.isEmpty {
            do {
                for (target, customization) in try YAMLReader.read(block).objectValue ?? [:] {
                    guard let text = customization["ignoreDifferences"]?.stringValue else { continue }
                    let parts = target.split(separator: "/", maxSplits: 1).map(String.init)
                    let (group, kind) = parts.count == 2 ? (parts[0], parts[1]) : ("", target)
                    addIgnore(text, group: group, kind: kind, key: "resource.customizations \(target)")
                }
            } catch {
                problems.append("argocd-cm resource.customizations: not valid YAML: \(error)")
            }
        }
    }

    private mutating func addIgnore(_ text: String, group: String, kind: String, key: String) {
        do {
            var rule = try YAMLReader.read(text)
            rule["group"] = .string(group)
            rule["kind"] = .string(kind)
            let ignore = IgnoreDifference(rule)
            ignoreDifferences.append(ignore)
            problems += ignore.problems.map { "argocd-cm \(key): \($0)" }
        } catch {
            problems.append("argocd-cm \(key): not valid YAML: \(error)")
        }
    }
}
