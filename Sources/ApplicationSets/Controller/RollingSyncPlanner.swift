import KubeModel

/// The RollingSync decision, without I/O: given the steps, the Applications as they are and the
/// status recorded last time, where each Application stands now and which to sync.
///
/// An Application with changes waits; the steps are worked through in order, a step only once every
/// Application of the earlier steps is Healthy, and within a step at most `maxUpdate` Applications are
/// Pending or Progressing at once. Applications no step selects are left out, as upstream does.
struct RollingSyncPlanner {
    /// What the planner needs to know of one Application.
    struct Application: Sendable {
        var name: String
        var labels: [String: String]
        var syncStatus: String
        var healthStatus: String
        /// Whether an operation is requested and not yet taken up.
        var hasOperation: Bool
        /// `status.operationState.phase`.
        var operationPhase: String?
    }

    /// The outcome.
    struct Plan: Sendable {
        /// The new `status.applicationStatus`, by Application name.
        var entries: [RollingSyncEntry]
        /// The Applications to sync now.
        var sync: [String]
        /// Whether every Application in a step is Healthy.
        var complete: Bool
        /// The 1-based step being rolled out, when not complete.
        var currentStep: Int?
    }

    let steps: [RollingSyncStep]
    let now: String

    func plan(_ applications: [Application], previous: [String: RollingSyncEntry]) -> Plan {
        var entries: [String: RollingSyncEntry] = [:]
        var stepOf: [String: Int] = [:]
        for app in applications.sorted(by: { $0.name < $1.name }) {
            guard let step = steps.firstIndex(where: { $0.selector.matches(app.labels) }) else { continue }
            stepOf[app.name] = step
            entries[app.name] = transition(app, previous: previous[app.name], step: step)
        }
        var sync: [String] = []
        var currentStep: Int?
        for (index, step) in steps.enumerated() {
            let names = stepOf.filter { $0.value == index }.keys.sorted()
            if names.allSatisfy({ entries[$0]?.status == .healthy }) { continue }
            currentStep = index + 1
            let inFlight = names.filter { [.pending, .progressing].contains(entries[$0]?.status) }.count
            var slots = step.limit(of: names.count) - inFlight
            for name in names where slots > 0 && entries[name]?.status == .waiting {
                entries[name] = entry(name, .pending, "Application moved to Pending status, watching for the Application resource to start Progressing.", index)
                sync.append(name)
                slots -= 1
            }
            // Later steps wait until this one is all Healthy.
            break
        }
        let ordered = entries.values.sorted { $0.application < $1.application }
        return Plan(entries: ordered, sync: sync, complete: currentStep == nil, currentStep: currentStep)
    }

    private func transition(_ app: Application, previous: RollingSyncEntry?, step: Int) -> RollingSyncEntry {
        let synced = app.syncStatus == "Synced", healthy = app.healthStatus == "Healthy"
        guard var current = previous else {
            if synced && healthy && !app.hasOperation {
                return entry(app.name, .healthy, "Application is Synced and Healthy.", step)
            }
            return entry(app.name, .waiting, "No Application status found, defaulting status to Waiting.", step)
        }
        current.step = String(step + 1)
        switch current.status {
        case .healthy, .waiting:
            if app.syncStatus == "OutOfSync" {
                return changed(current, app.name, .waiting, "Application has pending changes, setting status to Waiting.", step)
            }
            if current.status == .waiting && synced && healthy && !app.hasOperation {
                return changed(current, app.name, .healthy, "Application is Synced and Healthy.", step)
            }
        case .pending:
            // The application controller took the operation up (it clears `operation` when it starts).
            if !app.hasOperation || app.operationPhase == "Running" {
                if synced && healthy && app.operationPhase != "Running" {
                    return changed(current, app.name, .healthy, "Application resource became Healthy, updating status from Pending to Healthy.", step)
                }
                return changed(current, app.name, .progressing, "Application resource became Progressing, updating status from Pending to Progressing.", step)
            }
        case .progressing:
            if synced && healthy && app.operationPhase != "Running" {
                return changed(current, app.name, .healthy, "Application resource became Healthy, updating status from Progressing to Healthy.", step)
            }
        }
        return current
    }

    private func changed(_ current: RollingSyncEntry, _ name: String, _ status: RollingSyncEntry.Status, _ message: String, _ step: Int) -> RollingSyncEntry {
        current.status == status ? current : entry(name, status, message, step)
    }

    private func entry(_ name: String, _ status: RollingSyncEntry.Status, _ message: String, _ step: Int) -> RollingSyncEntry {
        RollingSyncEntry(application: name, status: status, message: message, step: String(step + 1), lastTransitionTime: now)
    }
}
