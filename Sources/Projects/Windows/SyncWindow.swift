public import Foundation
public import KubeModel

/// One entry of an AppProject's `syncWindows`: while its cron `schedule` has fired within the last
/// `duration` (in `timeZone`, UTC by default) it is active, and then allows or denies syncs of the
/// applications it matches.
public struct SyncWindow: Sendable {
    /// Whether an active window allows or denies syncs.
    public enum Kind: String, Sendable {
        case allow
        case deny
    }

    /// `allow` or `deny`.
    public var kind: Kind
    /// The cron schedule the window opens on.
    public var schedule: String
    /// How long it stays open (a Go duration).
    public var duration: String
    /// Application name patterns.
    public var applications: [String]
    /// Destination namespace patterns.
    public var namespaces: [String]
    /// Destination cluster patterns (server URL or name).
    public var clusters: [String]
    /// Whether manual syncs are allowed while a deny window is active (or an allow window is not).
    public var manualSync: Bool
    /// The IANA time zone the schedule is read in.
    public var timeZone: String
    /// Whether every non-empty list must match (`andOperator`), rather than any.
    public var requiresAllMatches: Bool
    /// What is wrong with the entry, if anything (an unreadable entry never matches).
    public let problem: String?
    private let cron: CronSchedule?
    private let seconds: Double?

    /// Reads entry `index` of `syncWindows`.
    public init(_ json: JSONValue, index: Int) {
        let kindText = json["kind"]?.stringValue ?? ""
        kind = Kind(rawValue: kindText) ?? .deny
        schedule = json["schedule"]?.stringValue ?? ""
        duration = json["duration"]?.stringValue ?? ""
        applications = (json["applications"]?.arrayValue ?? []).compactMap(\.stringValue)
        namespaces = (json["namespaces"]?.arrayValue ?? []).compactMap(\.stringValue)
        clusters = (json["clusters"]?.arrayValue ?? []).compactMap(\.stringValue)
        manualSync = json["manualSync"]?.boolValue ?? false
        timeZone = json["timeZone"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "UTC"
        requiresAllMatches = json["andOperator"]?.boolValue ?? false
        cron = CronSchedule(schedule, timeZone: timeZone)
        seconds = GoDuration.seconds(duration)
        let field = "spec.syncWindows[\(index)]"
        if Kind(rawValue: kindText) == nil {
            problem = "\(field).kind: \"\(kindText)\" is neither allow nor deny"
        } else if cron == nil {
            problem = "\(field).schedule: \"\(schedule)\" is not a cron schedule in time zone \(timeZone); write five fields, such as \"0 22 * * *\""
        } else if seconds.map({ $0 <= 0 }) ?? true {
            problem = "\(field).duration: \"\(duration)\" is not a positive duration; write one such as \"1h\" or \"30m\""
        } else {
            problem = nil
        }
    }

    /// Whether the window is open at `date`: the schedule fired less than `duration` before it.
    public func isActive(at date: Date) -> Bool {
        guard problem == nil, let cron, let seconds else { return false }
        guard let opened = cron.next(after: date.addingTimeInterval(-seconds)) else { return false }
        return opened < date
    }

    /// Whether the window applies to an application named `application` deploying to `destination`.
    public func matches(application: String, destination: ProjectDestination) -> Bool {
        guard problem == nil else { return false }
        var results: [Bool] = []
        if !applications.isEmpty { results.append(applications.contains { Glob.projectPatternMatches($0, application) }) }
        if !clusters.isEmpty {
            results.append(clusters.contains {
                (!destination.server.isEmpty && Glob.projectPatternMatches($0, destination.server))
                    || (!destination.name.isEmpty && Glob.projectPatternMatches($0, destination.name))
            })
        }
        if !namespaces.isEmpty { results.append(namespaces.contains { Glob.projectPatternMatches($0, destination.namespace) }) }
        if results.isEmpty { return false }
        return requiresAllMatches ? results.allSatisfy { $0 } : results.contains(true)
    }
}
