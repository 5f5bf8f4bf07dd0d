import Foundation
import KubeModel

/// Creates Jobs from CronJobs on their schedule as Kubernetes' CronJob controller does: the latest
/// missed run only, within `startingDeadlineSeconds`, honouring `concurrencyPolicy` and `suspend`,
/// keeping `successfulJobsHistoryLimit`/`failedJobsHistoryLimit` finished Jobs, and reporting
/// `active`, `lastScheduleTime` and `lastSuccessfulTime`. It wakes up at the next scheduled minute.
struct CronJobController: Reconciler {
    let client: InProcessClient
    private let events: EventRecorder

    init(client: InProcessClient) {
        self.client = client
        events = EventRecorder(client: client, component: "cronjob-controller")
    }

    var name: String { "cronjob-controller" }
    var watchedStorages: [String] { [SimulatedResources.cronJobs.storageKey, SimulatedResources.jobs.storageKey] }

    func keys(for event: WatchEvent, object: JSONValue) async -> [ObjectKey] {
        if event.key.storage == SimulatedResources.cronJobs.storageKey { return [event.key] }
        return InProcessClient.controllerKey(of: object, namespace: event.key.namespace, kind: SimulatedResources.cronJobs).map { [$0] } ?? []
    }

    func reconcile(_ key: ObjectKey) async -> Duration? {
        guard let cronJob = await client.get(SimulatedResources.cronJobs, namespace: key.namespace, name: key.name), !cronJob.isBeingDeleted
        else { return nil }
        let now = Date()
        guard let schedule = CronSchedule(cronJob[path: ["spec", "schedule"]]?.stringValue ?? "", timeZone: cronJob[path: ["spec", "timeZone"]]?.stringValue)
        else {
            await events.record(cronJob, .warning, reason: "UnparseableSchedule", message: "unparseable schedule: \(cronJob[path: ["spec", "schedule"]]?.stringValue ?? "")")
            return nil
        }
        var jobs = await client.owned(by: cronJob, SimulatedResources.jobs).filter { !$0.isBeingDeleted }
        jobs = await pruneHistory(cronJob, jobs: jobs)
        var lastSchedule = cronJob[path: ["status", "lastScheduleTime"]]?.stringValue.flatMap(Timestamps.parse)
        if cronJob[path: ["spec", "suspend"]] != true, let due = latestMissedRun(schedule, since: lastSchedule ?? cronJob.creationDate ?? now, now: now) {
            let deadline = cronJob[path: ["spec", "startingDeadlineSeconds"]]?.int64Value
            let active = jobs.filter { JobController.finishedCondition($0) == nil }
            let policy = cronJob[path: ["spec", "concurrencyPolicy"]]?.stringValue ?? "Allow"
            if let deadline, now.timeIntervalSince(due) > TimeInterval(deadline) {
                await events.record(cronJob, .warning, reason: "MissSchedule", message: "Missed scheduled time to start a job: \(Timestamps.format(due))")
                lastSchedule = due
            } else if policy == "Forbid" && !active.isEmpty {
                // Forbid: this run is skipped while one is still going; the next run is looked at later.
                lastSchedule = due
            } else {
                if policy == "Replace" {
                    for job in active {
                        try? await client.delete(SimulatedResources.jobs, namespace: job.namespace, name: job.name)
                        await events.record(cronJob, reason: "SuccessfulDelete", message: "Deleted job \(job.name)")
                        jobs.removeAll { $0.name == job.name }
                    }
                }
                if let created = await createJob(cronJob, scheduledAt: due) { jobs.append(created) }
                lastSchedule = due
            }
        }
        let active = jobs.filter { JobController.finishedCondition($0) == nil }.sorted { $0.name < $1.name }
        let lastSuccess = jobs.filter { JobController.finishedCondition($0) == "Complete" }
            .compactMap { $0[path: ["status", "completionTime"]]?.stringValue.flatMap(Timestamps.parse) }.max()
        let activeReferences = JSONValue.array(active.map { job in
            [
                "apiVersion": "batch/v1", "kind": "Job", "name": .string(job.name), "namespace": .string(job.namespace), "uid": .string(job.uid),
                "resourceVersion": job[path: ["metadata", "resourceVersion"]] ?? "",
            ]
        })
        let scheduled = lastSchedule
        _ = try? await client.modify(SimulatedResources.cronJobs, namespace: key.namespace, name: key.name, subresource: "status") { object in
            object[path: ["status", "active"]] = active.isEmpty ? JSONValue?.none : activeReferences
            object[path: ["status", "lastScheduleTime"]] = scheduled.map { .string(Timestamps.format($0)) }
            object[path: ["status", "lastSuccessfulTime"]] = lastSuccess.map { .string(Timestamps.format($0)) }
        }
        guard let next = schedule.next(after: now) else { return nil }
        return (next.timeIntervalSince(now) + 0.1).duration
    }

    /// The most recent scheduled time in (`since`, `now`]: after downtime only the latest missed run
    /// starts, not every one.
    private func latestMissedRun(_ schedule: CronSchedule, since: Date, now: Date) -> Date? {
        // Searching from at most a week back keeps a long downtime with a per-minute schedule cheap.
        var cursor = max(since, now.addingTimeInterval(-7 * 86_400))
        var latest: Date?
        while let next = schedule.next(after: cursor), next <= now {
            latest = next
            cursor = next
        }
        return latest
    }

    private func createJob(_ cronJob: JSONValue, scheduledAt due: Date) async -> JSONValue? {
        let name = "\(cronJob.name)-\(Int(due.timeIntervalSince1970) / 60)"
        let template = cronJob[path: ["spec", "jobTemplate"]] ?? .emptyObject
        var metadata = template["metadata"]?.objectValue ?? [:]
        metadata["name"] = .string(name)
        metadata["namespace"] = .string(cronJob.namespace)
        var annotations = metadata["annotations"]?.objectValue ?? [:]
        annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"] = .string(Timestamps.format(due))
        if annotations[SimulatedOutcome.annotation] == nil, let requested = cronJob.annotations[SimulatedOutcome.annotation] {
            annotations[SimulatedOutcome.annotation] = .string(requested)
        }
        metadata["annotations"] = .object(annotations)
        metadata["ownerReferences"] = [cronJob.controllerOwnerReference]
        let job: JSONValue = ["apiVersion": "batch/v1", "kind": "Job", "metadata": .object(metadata), "spec": template["spec"] ?? .emptyObject]
        do {
            let created = try await client.create(job)
            await events.record(cronJob, reason: "SuccessfulCreate", message: "Created job \(name)")
            return created
        } catch where error.code == 409 {
            return nil
        } catch {
            await events.record(cronJob, .warning, reason: "FailedCreate", message: "Error creating job: \(error.message)")
            return nil
        }
    }

    /// Deletes the oldest finished Jobs beyond the history limits; returns the Jobs that remain.
    private func pruneHistory(_ cronJob: JSONValue, jobs: [JSONValue]) async -> [JSONValue] {
        var remaining = jobs
        for (condition, field, fallback) in [("Complete", "successfulJobsHistoryLimit", 3), ("Failed", "failedJobsHistoryLimit", 1)] {
            let limit = Int(cronJob[path: ["spec", field]]?.int64Value ?? Int64(fallback))
            let finished = jobs.filter { JobController.finishedCondition($0) == condition }
                .sorted { ($0.creationDate ?? .distantPast, $0.name) < ($1.creationDate ?? .distantPast, $1.name) }
            for job in finished.prefix(max(0, finished.count - limit)) {
                try? await client.delete(SimulatedResources.jobs, namespace: job.namespace, name: job.name)
                await events.record(cronJob, reason: "SuccessfulDelete", message: "Deleted job \(job.name)")
                remaining.removeAll { $0.name == job.name }
            }
        }
        return remaining
    }
}
