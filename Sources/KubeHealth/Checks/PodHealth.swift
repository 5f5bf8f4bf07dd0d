import KubeModel

/// `v1/Pod` (gitops-engine `health_pod.go`).
///
/// Pods that do not restart forever (`OnFailure`, `Never`) are usually sync hooks or batch work, so
/// they are not judged by their containers' waiting reasons and stay Progressing while they run.
enum PodHealth {
    /// Set on a pod to judge it like an always-restarting pod whatever its restart policy (for pods
    /// an operator runs with `OnFailure` or `Never` that are not hooks).
    static let ignoreRestartPolicyAnnotation = "argocd.argoproj.io/ignore-restart-policy"

    static func assess(_ pod: JSONValue) -> HealthStatus {
        let restartPolicy = pod.string(at: "spec", "restartPolicy")
        let containers = pod[path: ["status", "containerStatuses"]]?.arrayValue ?? []
        let podMessage = pod.string(at: "status", "message")

        // Only for always-restarting pods: marking a hook pod Degraded on ImagePullBackOff would fail
        // the hook early, and the pod would then still run once the image appears.
        if restartPolicy == "Always" {
            let failing = containers.filter { isFailingWaitReason($0.string(at: "state", "waiting", "reason")) }
            if !failing.isEmpty {
                let messages = failing.map { $0.string(at: "state", "waiting", "message") }
                return HealthStatus(.degraded, message: messages.joined(separator: ", "))
            }
        }

        switch pod.string(at: "status", "phase") {
        case "Pending":
            return HealthStatus(.progressing, message: podMessage)
        case "Succeeded":
            return HealthStatus(.healthy, message: podMessage)
        case "Failed":
            if !podMessage.isEmpty { return HealthStatus(.degraded, message: podMessage) }
            let initContainers = pod[path: ["status", "initContainerStatuses"]]?.arrayValue ?? []
            let reason = (initContainers + containers).lazy.compactMap(failureMessage).first ?? ""
            return HealthStatus(.degraded, message: reason)
        case "Running":
            let ignoresPolicy = pod[path: ["metadata", "annotations", ignoreRestartPolicyAnnotation]] != nil
            if ignoresPolicy || restartPolicy == "Always" {
                return runningHealth(pod, containers: containers, message: podMessage)
            }
            if restartPolicy == "OnFailure" || restartPolicy == "Never" {
                // Finite pods are usually hooks: running is not done yet.
                return HealthStatus(.progressing, message: podMessage)
            }
        default:
            break
        }
        return HealthStatus(.unknown, message: podMessage)
    }

    /// Waiting reasons that mean the container cannot start without a change: `ErrImagePull`,
    /// `CreateContainerConfigError`, `CrashLoopBackOff`, `ImagePullBackOff`, ...
    private static func isFailingWaitReason(_ reason: String) -> Bool {
        reason.hasPrefix("Err") || reason.hasSuffix("Error") || reason.hasSuffix("BackOff")
    }

    private static func runningHealth(_ pod: JSONValue, containers: [JSONValue], message: String) -> HealthStatus {
        if StatusCondition.first("Ready", in: pod)?.isTrue == true {
            return HealthStatus(.healthy, message: message)
        }
        // Not ready after a container has already terminated once: it is failing, not starting.
        if containers.contains(where: { $0[path: ["lastState", "terminated"]] != nil }) {
            return HealthStatus(.degraded, message: message)
        }
        return HealthStatus(.progressing, message: message)
    }

    /// Why a terminated container failed, or nil when it did not terminate or exited cleanly.
    private static func failureMessage(_ container: JSONValue) -> String? {
        guard let terminated = container[path: ["state", "terminated"]] else { return nil }
        let message = terminated.string(at: "message")
        if !message.isEmpty { return message }
        if terminated.string(at: "reason") == "OOMKilled" { return "OOMKilled" }
        let exitCode = terminated.int(at: "exitCode")
        if exitCode != 0 {
            return "container \(container.string(at: "name").goQuoted) failed with exit code \(exitCode)"
        }
        return nil
    }
}
