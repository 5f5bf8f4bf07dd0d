import Foundation
import KubeModel

/// Runs Jobs' pods to completion as Kubernetes' job controller does: up to `parallelism` pods at a time
/// until `completions` have succeeded (Complete), or until more than `backoffLimit` have failed or
/// `activeDeadlineSeconds` passed (Failed); `suspend` stops the pods and `ttlSecondsAfterFinished`
/// deletes a finished Job.
struct JobController: Reconciler {
    let client: InProcessClient
    let timing: SimulationTiming
    private let events: EventRecorder

    init(client: InProcessClient, timing: SimulationTiming) {
        self.client = client
        self.timing = timing
        events = EventRecorder(client: client, component: "job-controller")
    }

    var name: String { "job-controller" }
    var watchedStorages: [String] { [SimulatedResources.jobs.storageKey, SimulatedResources.pods.storageKey] }

    func keys(for event: WatchEvent, object: JSONValue) async -> [ObjectKey] {
        if event.key.storage == SimulatedResources.jobs.storageKey { return [event.key] }
        return InProcessClient.controllerKey(of: object, namespace: event.key.namespace, kind: SimulatedResources.jobs).map { [$0] } ?? []
    }

    /// Whether a Job has finished: Complete or Failed.
    static func finishedCondition(_ job: JSONValue) -> String? {
        ["Complete", "Failed"].first { job.condition($0)?["status"]?.stringValue == "True" }
    }

    func reconcile(_ key: ObjectKey) async -> Duration? {
        guard let job = await client.get(SimulatedResources.jobs, namespace: key.namespace, name: key.name), !job.isBeingDeleted else { return nil }
        let now = Date()
        if Self.finishedCondition(job) != nil { return await expire(job, now: now) }
        let pods = await client.owned(by: job, SimulatedResources.pods)
        var active = pods.filter(\.isActivePod)
        let succeeded = pods.count { $0[path: ["status", "phase"]]?.stringValue == "Succeeded" }
        let failed = pods.count { $0[path: ["status", "phase"]]?.stringValue == "Failed" }
        let completions = job[path: ["spec", "completions"]]?.int64Value.map(Int.init)
        let parallelism = Int(job[path: ["spec", "parallelism"]]?.int64Value ?? 1)
        let startTime = job[path: ["status", "startTime"]]?.stringValue.flatMap(Timestamps.parse) ?? now
        var status = job["status"] ?? .emptyObject
        var conditions = status["conditions"]?.arrayValue ?? []
        func setCondition(_ type: String, _ value: String, reason: String, message: String) {
            let stamp = JSONValue.string(Timestamps.format(now))
            if let index = conditions.firstIndex(where: { $0["type"]?.stringValue == type }) {
                guard conditions[index]["status"]?.stringValue != value || conditions[index]["reason"]?.stringValue != reason else { return }
                conditions.remove(at: index)
            }
            conditions.append([
                "type": .string(type), "status": .string(value), "lastProbeTime": stamp, "lastTransitionTime": stamp,
                "reason": .string(reason), "message": .string(message),
            ])
        }
        var recheck: TimeInterval?
        let deadline = job[path: ["spec", "activeDeadlineSeconds"]]?.int64Value.map { startTime.addingTimeInterval(TimeInterval($0)) }
        let failure: (reason: String, message: String)?
        if failed > Int(job[path: ["spec", "backoffLimit"]]?.int64Value ?? 6) {
            failure = ("BackoffLimitExceeded", "Job has reached the specified backoff limit")
        } else if let deadline, deadline <= now {
            failure = ("DeadlineExceeded", "Job was active longer than specified deadline")
        } else {
            failure = nil
        }
        let complete = completions.map { succeeded >= $0 } ?? (succeeded > 0 && active.isEmpty)
        if let failure {
            await deleteAll(active, of: job)
            active = []
            setCondition("FailureTarget", "True", reason: failure.reason, message: failure.message)
            setCondition("Failed", "True", reason: failure.reason, message: failure.message)
            await events.record(job, .warning, reason: failure.reason, message: failure.message)
        } else if complete {
            await deleteAll(active, of: job)
            active = []
            setCondition("SuccessCriteriaMet", "True", reason: "CompletionsReached", message: "Reached expected number of succeeded pods")
            setCondition("Complete", "True", reason: "CompletionsReached", message: "Reached expected number of succeeded pods")
            status["completionTime"] = .string(Timestamps.format(now))
            await events.record(job, reason: "Completed", message: "Job completed")
        } else if job[path: ["spec", "suspend"]] == true {
            await deleteAll(active, of: job)
            active = []
            setCondition("Suspended", "True", reason: "JobSuspended", message: "Job suspended")
        } else {
            if job.condition("Suspended")?["status"]?.stringValue == "True" {
                setCondition("Suspended", "False", reason: "JobResumed", message: "Job resumed")
            }
            let wanted = completions.map { min(parallelism, $0 - succeeded) } ?? (succeeded > 0 ? 0 : parallelism)
            // After failures, new pods wait out Kubernetes' back-off (10 s doubling, at most 6 minutes).
            let lastFailure = pods.filter { $0[path: ["status", "phase"]]?.stringValue == "Failed" }
                .compactMap { $0[path: ["status", "containerStatuses"]]?.arrayValue?.compactMap { $0[path: ["state", "terminated", "finishedAt"]]?.stringValue.flatMap(Timestamps.parse) }.max() }.max()
            let backOff = timing.profile == .fast || failed == 0 ? 0 : min(360, 10 * pow(2, Double(failed - 1)))
            let waitUntil = lastFailure?.addingTimeInterval(backOff)
            if active.count < wanted, let waitUntil, waitUntil > now {
                recheck = waitUntil.timeIntervalSince(now)
            } else if active.count < wanted {
                for _ in active.count..<wanted {
                    let pod = PodFactory.pod(
                        from: job[path: ["spec", "template"]] ?? .emptyObject, owner: job, generateName: "\(job.name)-",
                        labels: [
                            "batch.kubernetes.io/controller-uid": job.uid, "batch.kubernetes.io/job-name": job.name,
                            "controller-uid": job.uid, "job-name": job.name,
                        ])
                    guard let created = try? await client.create(pod) else { break }
                    active.append(created)
                    await events.record(job, reason: "SuccessfulCreate", message: "Created pod: \(created.name)")
                }
            } else if active.count > wanted {
                let extra = ReplicaSetController.deletionOrder(active).prefix(active.count - wanted)
                await deleteAll(Array(extra), of: job)
                active.removeAll { pod in extra.contains { $0.name == pod.name } }
            }
            if let deadline { recheck = min(recheck ?? .infinity, deadline.timeIntervalSince(now) + 1) }
        }
        status["startTime"] = .string(Timestamps.format(startTime))
        status.setCount(["active"], active.count)
        status.setCount(["succeeded"], succeeded)
        status.setCount(["failed"], failed)
        status["ready"] = .int(active.count(where: \.isReadyPod))
        status["terminating"] = 0
        status["uncountedTerminatedPods"] = .emptyObject
        status["conditions"] = conditions.isEmpty ? nil : .array(conditions)
        let final = status
        let written = try? await client.modify(SimulatedResources.jobs, namespace: job.namespace, name: job.name, subresource: "status") { $0["status"] = final }
        if let written, Self.finishedCondition(written) != nil { return await expire(written, now: now) }
        return recheck.map(\.duration)
    }

    private func deleteAll(_ pods: [JSONValue], of job: JSONValue) async {
        for pod in pods {
            try? await client.delete(SimulatedResources.pods, namespace: pod.namespace, name: pod.name)
            await events.record(job, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)")
        }
    }

    /// Deletes a finished Job once `ttlSecondsAfterFinished` has passed; returns when to look again.
    private func expire(_ job: JSONValue, now: Date) async -> Duration? {
        guard let ttl = job[path: ["spec", "ttlSecondsAfterFinished"]]?.int64Value else { return nil }
        let finished = (job.condition("Complete") ?? job.condition("Failed"))?["lastTransitionTime"]?.stringValue.flatMap(Timestamps.parse) ?? now
        let remaining = finished.addingTimeInterval(TimeInterval(ttl)).timeIntervalSince(now)
        if remaining > 0 { return (remaining + 0.5).duration }
        try? await client.delete(SimulatedResources.jobs, namespace: job.namespace, name: job.name)
        return nil
    }
}
