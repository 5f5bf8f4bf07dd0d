import KubeModel

/// What the simulated kubelet makes of a pod: run it, run it to completion, or fail on purpose so that
/// Degraded health can be tested.
///
/// Failure is asked for with the `wharf.io/simulate` annotation on the pod (workload controllers copy it
/// from the workload) — `CrashLoopBackOff`, `ImagePullBackOff` or `Fail` — or with an image whose name
/// contains `crashloop` or `imagepullbackoff`, which fails only that container.
enum SimulatedOutcome: Equatable {
    /// A long-running container: Running and Ready.
    case run
    /// A Job's container: runs, then exits 0.
    case complete
    /// A Job's container asked to fail: exits 1.
    case fail
    /// A container that keeps crashing: waiting in CrashLoopBackOff with a growing restart count.
    case crashLoop
    /// An image that cannot be pulled: waiting in ImagePullBackOff.
    case imagePullBackOff

    /// The annotation that asks for a failure.
    static let annotation = "wharf.io/simulate"

    /// The outcome for one container of `pod`.
    init(container: JSONValue, in pod: JSONValue) {
        let requested = pod.annotations[Self.annotation]?.lowercased() ?? ""
        let image = container["image"]?.stringValue?.lowercased() ?? ""
        let finite = pod.controllerReference?.kind == "Job"
        if requested == "imagepullbackoff" || image.contains("imagepullbackoff") {
            self = .imagePullBackOff
        } else if requested == "crashloopbackoff" || image.contains("crashloop") {
            self = .crashLoop
        } else if requested == "fail" {
            // A container that fails under restartPolicy Always is restarted, over and over.
            self = pod[path: ["spec", "restartPolicy"]]?.stringValue == "Always" ? .crashLoop : .fail
        } else {
            self = finite ? .complete : .run
        }
    }
}
