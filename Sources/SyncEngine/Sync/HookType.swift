import Foundation
public import KubeModel

/// What `argocd.argoproj.io/hook` (or, mapped, `helm.sh/hook`) makes of a resource.
public enum HookType: String, Sendable, Codable {
    case preSync = "PreSync"
    case sync = "Sync"
    case postSync = "PostSync"
    case syncFail = "SyncFail"
    /// Never applied.
    case skip = "Skip"
    /// Run before the application's resources are deleted.
    case preDelete = "PreDelete"
    /// Run after the application's resources are deleted.
    case postDelete = "PostDelete"

    /// Helm's hook annotation, honoured when the Argo CD one is absent.
    public static let helmAnnotation = "helm.sh/hook"

    /// The hook types of `object`: Argo CD's annotation (comma-separated) wins; Helm's is mapped as
    /// upstream maps it (pre-install/pre-upgrade → PreSync, post-install/post-upgrade → PostSync,
    /// pre-delete → PreDelete, post-delete → PostDelete); empty when the object is not a hook.
    public static func of(_ object: JSONValue) -> [HookType] {
        let annotations = object.stringMap(at: ["metadata", "annotations"])
        if let value = annotations[WellKnownAnnotations.hook] {
            return value.split(separator: ",").compactMap { HookType(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
        }
        guard let helm = annotations[helmAnnotation] else { return [] }
        var types: [HookType] = []
        for entry in helm.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let mapped: HookType? = switch entry {
            case "pre-install", "pre-upgrade": .preSync
            case "post-install", "post-upgrade": .postSync
            case "pre-delete": .preDelete
            case "post-delete": .postDelete
            default: nil
            }
            if let mapped, !types.contains(mapped) { types.append(mapped) }
        }
        return types
    }
}
