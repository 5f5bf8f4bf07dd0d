import Foundation
public import KubeModel

/// When a hook resource is deleted (`argocd.argoproj.io/hook-delete-policy`, or Helm's
/// `helm.sh/hook-delete-policy` mapped).
public enum HookDeletePolicy: String, Sendable, Codable {
    /// After it succeeded.
    case hookSucceeded = "HookSucceeded"
    /// After it failed.
    case hookFailed = "HookFailed"
    /// Before a new one is created (the default).
    case beforeHookCreation = "BeforeHookCreation"

    /// The policies of `object`; BeforeHookCreation when none is given.
    public static func of(_ object: KubeObject) -> [HookDeletePolicy] {
        let text = object.annotation(WellKnownAnnotations.hookDeletePolicy) ?? object.annotation("helm.sh/hook-delete-policy") ?? ""
        let policies = text.split(separator: ",").compactMap { entry -> HookDeletePolicy? in
            switch entry.trimmingCharacters(in: .whitespaces) {
            case "HookSucceeded", "hook-succeeded": .hookSucceeded
            case "HookFailed", "hook-failed": .hookFailed
            case "BeforeHookCreation", "before-hook-creation": .beforeHookCreation
            default: nil
            }
        }
        return policies.isEmpty ? [.beforeHookCreation] : policies
    }
}
