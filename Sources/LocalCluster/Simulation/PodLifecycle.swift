import Foundation
import KubeModel

/// The status a simulated kubelet reports for a pod at a moment in time.
///
/// The status is a pure function of the pod, when it started and the time now, with every timestamp
/// derived from the start and the profile's delays; computing it twice gives the same status, so the
/// kubelet writes only when something really changed and can always tell when the next change is due.
struct PodLifecycle {
    let timing: SimulationTiming

    /// A status and, when time alone will change it, how many seconds from now.
    struct Snapshot {
        var status: JSONValue
        var nextChange: TimeInterval?
    }

    private struct ContainerState {
        var status: JSONValue
        var ready: Bool
        var readyAt: Date?
        var terminated: (exitCode: Int, at: Date)?
        var pending: Bool
        var nextChange: TimeInterval?
    }

    func snapshot(of pod: JSONValue, hostIP: String, podIP: String, start: Date, now: Date) -> Snapshot {
        let uid = pod.uid
        let started = start.addingTimeInterval(timing.containerStart(uid))
        let creating = now < started
        var next: TimeInterval? = creating ? started.timeIntervalSince(now) : nil
        func soonest(_ candidate: TimeInterval?) {
            guard let candidate else { return }
            next = min(next ?? candidate, candidate)
        }
        var states: [ContainerState] = []
        for container in pod[path: ["spec", "containers"]]?.arrayValue ?? [] {
            let state = creating
                ? waiting(container, reason: "ContainerCreating", message: nil, restartCount: 0)
                : containerState(container, in: pod, started: started, now: now)
            soonest(state.nextChange)
            states.append(state)
        }
        let allTerminated = !states.isEmpty && states.allSatisfy { $0.terminated != nil }
        let finishedAt = states.compactMap { $0.terminated?.at }.max()
        let phase: String
        if creating || states.contains(where: \.pending) {
            phase = "Pending"
        } else if allTerminated {
            phase = states.allSatisfy { $0.terminated?.exitCode == 0 } ? "Succeeded" : "Failed"
        } else {
            phase = "Running"
        }
        let ready = !states.isEmpty && states.allSatisfy(\.ready)
        var status: JSONObject = ["phase": .string(phase)]
        var conditions: [JSONValue] = []
        let hasInit = !(pod[path: ["spec", "initContainers"]]?.arrayValue ?? []).isEmpty
        conditions.append(condition("PodReadyToStartContainers", !creating && !allTerminated, at: allTerminated ? finishedAt! : creating ? start : started))
        conditions.append(condition(
            "Initialized", !(creating && hasInit), at: hasInit && !creating ? started : start, reason: allTerminated ? "PodCompleted" : nil))
        let readyAt = ready ? states.compactMap(\.readyAt).max() ?? started : allTerminated ? finishedAt! : start
        let notReady = states.enumerated().filter { !$0.element.ready }.map { $0.element.status["name"]?.stringValue ?? "" }
        let notReadyReason = allTerminated ? "PodCompleted" : "ContainersNotReady"
        let notReadyMessage = allTerminated ? nil : "containers with unready status: [\(notReady.joined(separator: " "))]"
        conditions.append(condition("Ready", ready, at: readyAt, reason: ready ? nil : notReadyReason, message: ready ? nil : notReadyMessage))
        conditions.append(condition("ContainersReady", ready, at: readyAt, reason: ready ? nil : notReadyReason, message: ready ? nil : notReadyMessage))
        conditions.append(condition("PodScheduled", true, at: start))
        status["conditions"] = .array(conditions)
        status["hostIP"] = .string(hostIP)
        status["hostIPs"] = [["ip": .string(hostIP)]]
        if !creating {
            status["podIP"] = .string(podIP)
            status["podIPs"] = [["ip": .string(podIP)]]
        }
        status["startTime"] = .string(Timestamps.format(start))
        if hasInit {
            status["initContainerStatuses"] = .array((pod[path: ["spec", "initContainers"]]?.arrayValue ?? []).map { container in
                creating
                    ? waiting(container, reason: "PodInitializing", message: nil, restartCount: 0).status
                    : containerStatus(container, uid: uid, restartCount: 0, ready: true, state: [
                        "terminated": ["exitCode": 0, "reason": "Completed", "startedAt": .string(Timestamps.format(start)), "finishedAt": .string(Timestamps.format(started)), "containerID": .string(containerID(uid, container, 0))],
                    ])
            })
        }
        status["containerStatuses"] = .array(states.map(\.status))
        status["qosClass"] = .string(Self.qosClass(of: pod))
        return Snapshot(status: .object(status), nextChange: next)
    }

    /// One container's state once the pod's containers have been started.
    private func containerState(_ container: JSONValue, in pod: JSONValue, started: Date, now: Date) -> ContainerState {
        let uid = pod.uid
        let stamp = Timestamps.format(started)
        switch SimulatedOutcome(container: container, in: pod) {
        case .imagePullBackOff:
            let image = container["image"]?.stringValue ?? ""
            var state = waiting(container, reason: "ImagePullBackOff", message: "Back-off pulling image \"\(image)\"", restartCount: 0)
            state.pending = true
            return state
        case .run:
            let readyAt = started.addingTimeInterval(timing.readiness(uid))
            let ready = now >= readyAt
            return ContainerState(
                status: containerStatus(container, uid: uid, restartCount: 0, ready: ready, state: ["running": ["startedAt": .string(stamp)]]),
                ready: ready, readyAt: readyAt, pending: false, nextChange: ready ? nil : readyAt.timeIntervalSince(now))
        case .complete, .fail:
            let exitCode = SimulatedOutcome(container: container, in: pod) == .fail ? 1 : 0
            let finishedAt = started.addingTimeInterval(timing.jobRun(uid))
            if now < finishedAt {
                return ContainerState(
                    status: containerStatus(container, uid: uid, restartCount: 0, ready: true, state: ["running": ["startedAt": .string(stamp)]]),
                    ready: true, readyAt: started, pending: false, nextChange: finishedAt.timeIntervalSince(now))
            }
            let terminated: JSONValue = [
                "exitCode": .int(exitCode), "reason": exitCode == 0 ? "Completed" : "Error", "startedAt": .string(stamp),
                "finishedAt": .string(Timestamps.format(finishedAt)), "containerID": .string(containerID(uid, container, 0)),
            ]
            var status = containerStatus(container, uid: uid, restartCount: 0, ready: false, state: ["terminated": terminated])
            status["started"] = false
            return ContainerState(status: status, ready: false, terminated: (exitCode, finishedAt), pending: false)
        case .crashLoop:
            // Crash k happens at started + the back-offs before it; the restart count is the crashes so far.
            var crashes = 1
            var lastCrash = started
            var nextCrash = started.addingTimeInterval(timing.crashBackOff(restartCount: 1))
            while nextCrash <= now {
                crashes += 1
                lastCrash = nextCrash
                nextCrash = nextCrash.addingTimeInterval(timing.crashBackOff(restartCount: crashes))
            }
            let name = container["name"]?.stringValue ?? ""
            var state = waiting(
                container, reason: "CrashLoopBackOff",
                message: "back-off \(Int(timing.crashBackOff(restartCount: crashes)))s restarting failed container=\(name) pod=\(pod.name)_\(pod.namespace)(\(uid))",
                restartCount: crashes)
            state.status["lastState"] = [
                "terminated": [
                    "exitCode": 1, "reason": "Error", "startedAt": .string(Timestamps.format(lastCrash)),
                    "finishedAt": .string(Timestamps.format(lastCrash)), "containerID": .string(containerID(uid, container, crashes - 1)),
                ],
            ]
            state.status["imageID"] = .string(imageID(container))
            state.status["containerID"] = .string(containerID(uid, container, crashes - 1))
            state.nextChange = nextCrash.timeIntervalSince(now)
            return state
        }
    }

    private func waiting(_ container: JSONValue, reason: String, message: String?, restartCount: Int) -> ContainerState {
        var waiting: JSONObject = ["reason": .string(reason)]
        if let message { waiting["message"] = .string(message) }
        let status: JSONValue = [
            "name": container["name"] ?? "", "image": container["image"] ?? "", "imageID": "", "ready": false,
            "restartCount": .int(restartCount), "started": false, "state": ["waiting": .object(waiting)], "lastState": .emptyObject,
        ]
        return ContainerState(status: status, ready: false, pending: false)
    }

    private func containerStatus(_ container: JSONValue, uid: String, restartCount: Int, ready: Bool, state: JSONValue) -> JSONValue {
        [
            "name": container["name"] ?? "", "image": container["image"] ?? "", "imageID": .string(imageID(container)),
            "containerID": .string(containerID(uid, container, restartCount)), "ready": .bool(ready), "started": true,
            "restartCount": .int(restartCount), "state": state, "lastState": .emptyObject,
        ]
    }

    /// The digest-pinned reference a container runtime reports for an image, with a digest derived from
    /// the image name.
    private func imageID(_ container: JSONValue) -> String {
        let image = container["image"]?.stringValue ?? ""
        var repository = image.split(separator: "@").first.map(String.init) ?? image
        if let colon = repository.lastIndex(of: ":"), !repository[colon...].contains("/") { repository = String(repository[..<colon]) }
        let first = repository.split(separator: "/").first ?? ""
        if !repository.contains("/") {
            repository = "docker.io/library/" + repository
        } else if !first.contains(".") && !first.contains(":") && first != "localhost" {
            repository = "docker.io/" + repository
        }
        return "\(repository)@sha256:\(Self.hex64(image))"
    }

    private func containerID(_ uid: String, _ container: JSONValue, _ restart: Int) -> String {
        "containerd://" + Self.hex64("\(uid)/\(container["name"]?.stringValue ?? "")/\(restart)")
    }

    /// 64 hex digits derived from `seed`, the shape of container IDs and image digests.
    private static func hex64(_ seed: String) -> String {
        (0..<8).map { round in
            var hash = FNVHash()
            hash.add("\(round):\(seed)")
            let hex = String(hash.value, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }

    private func condition(_ type: String, _ status: Bool, at date: Date, reason: String? = nil, message: String? = nil) -> JSONValue {
        var condition: JSONObject = [
            "type": .string(type), "status": status ? "True" : "False", "lastProbeTime": .null,
            "lastTransitionTime": .string(Timestamps.format(date)),
        ]
        if let reason { condition["reason"] = .string(reason) }
        if let message { condition["message"] = .string(message) }
        return .object(condition)
    }

    /// The pod's quality-of-service class, from its containers' requests and limits.
    static func qosClass(of pod: JSONValue) -> String {
        let containers = pod[path: ["spec", "containers"]]?.arrayValue ?? []
        var guaranteed = !containers.isEmpty
        var any = false
        for container in containers {
            let requests = container[path: ["resources", "requests"]]?.objectValue ?? [:]
            let limits = container[path: ["resources", "limits"]]?.objectValue ?? [:]
            if !requests.isEmpty || !limits.isEmpty { any = true }
            for resource in ["cpu", "memory"] {
                // Requests default to limits, so a container with only limits is Guaranteed too.
                guard let limit = limits[resource], (requests[resource] ?? limit) == limit else {
                    guaranteed = false
                    continue
                }
            }
        }
        return guaranteed ? "Guaranteed" : any ? "Burstable" : "BestEffort"
    }
}
