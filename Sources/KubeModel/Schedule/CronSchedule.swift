public import Foundation

/// A standard five-field cron schedule (minute, hour, day of month, month, day of week) as CronJobs
/// use it: lists, ranges, steps, month and weekday names, `?`, and the `@hourly`-style macros, in a
/// time zone. CronJobs and Argo CD sync windows share it.
public struct CronSchedule: Sendable {
    private let minutes: Set<Int>
    private let hours: Set<Int>
    private let daysOfMonth: Set<Int>
    private let months: Set<Int>
    private let daysOfWeek: Set<Int>
    /// Cron's rule: when both day fields are restricted, a day matching either one qualifies.
    private let eitherDay: Bool
    private let calendar: Calendar

    private static let macros = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]
    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// Parses `text`; nil when it is not a valid schedule or `timeZone` is not a known zone.
    public init?(_ text: String, timeZone: String? = nil) {
        let expanded = Self.macros[text.trimmingCharacters(in: .whitespaces).lowercased()] ?? text
        let fields = expanded.split(whereSeparator: \.isWhitespace).map { String($0).lowercased() }
        guard fields.count == 5,
            let minutes = Self.parse(fields[0], 0...59, names: []),
            let hours = Self.parse(fields[1], 0...23, names: []),
            let daysOfMonth = Self.parse(fields[2], 1...31, names: []),
            let months = Self.parse(fields[3], 1...12, names: Self.monthNames, nameOffset: 1),
            var daysOfWeek = Self.parse(fields[4], 0...7, names: Self.dayNames)
        else { return nil }
        if daysOfWeek.remove(7) != nil { daysOfWeek.insert(0) }
        var calendar = Calendar(identifier: .gregorian)
        if let timeZone {
            guard let zone = TimeZone(identifier: timeZone) else { return nil }
            calendar.timeZone = zone
        } else {
            calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        }
        self.minutes = minutes
        self.hours = hours
        self.daysOfMonth = daysOfMonth
        self.months = months
        self.daysOfWeek = daysOfWeek
        self.eitherDay = !(fields[2].hasPrefix("*") || fields[2] == "?") && !(fields[4].hasPrefix("*") || fields[4] == "?")
        self.calendar = calendar
    }

    /// The first scheduled minute strictly after `date`, searching up to five years ahead.
    public func next(after date: Date) -> Date? {
        guard var time = calendar.dateInterval(of: .minute, for: date)?.end else { return nil }
        let limit = date.addingTimeInterval(5 * 366 * 86_400)
        while time <= limit {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: time)
            guard let month = parts.month, let day = parts.day, let hour = parts.hour, let minute = parts.minute, let weekday = parts.weekday
            else { return nil }
            // Skip whole months, days and hours that cannot match, so a search takes few steps.
            if !months.contains(month) {
                guard let start = calendar.dateInterval(of: .month, for: time)?.end else { return nil }
                time = start
            } else if !matchesDay(day, weekday - 1) {
                guard let start = calendar.dateInterval(of: .day, for: time)?.end else { return nil }
                time = start
            } else if !hours.contains(hour) {
                guard let start = calendar.dateInterval(of: .hour, for: time)?.end else { return nil }
                time = start
            } else if !minutes.contains(minute) {
                time = time.addingTimeInterval(60)
            } else {
                return time
            }
        }
        return nil
    }

    private func matchesDay(_ day: Int, _ weekday: Int) -> Bool {
        eitherDay ? daysOfMonth.contains(day) || daysOfWeek.contains(weekday) : daysOfMonth.contains(day) && daysOfWeek.contains(weekday)
    }

    /// One field: a comma-separated list of `*`, `?`, values, ranges `a-b`, each with an optional `/step`.
    private static func parse(_ field: String, _ bounds: ClosedRange<Int>, names: [String], nameOffset: Int = 0) -> Set<Int>? {
        func value(_ text: Substring) -> Int? {
            if let number = Int(text) { return number }
            return names.firstIndex(of: String(text)).map { $0 + nameOffset }
        }
        var result: Set<Int> = []
        for part in field.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2, let rangeText = pieces.first else { return nil }
            let step = pieces.count == 2 ? Int(pieces[1]) : 1
            guard let step, step > 0 else { return nil }
            var range: ClosedRange<Int>
            if rangeText == "*" || rangeText == "?" {
                range = bounds
            } else if let dash = rangeText.firstIndex(of: "-") {
                guard let low = value(rangeText[..<dash]), let high = value(rangeText[rangeText.index(after: dash)...]), low <= high else { return nil }
                range = low...high
            } else {
                guard let single = value(rangeText) else { return nil }
                // `5/15` means from 5 to the end in steps of 15.
                range = pieces.count == 2 ? single...bounds.upperBound : single...single
            }
            guard bounds.contains(range.lowerBound), bounds.contains(range.upperBound) else { return nil }
            result.formUnion(stride(from: range.lowerBound, through: range.upperBound, by: step))
        }
        return result
    }
}
