import Foundation

/// Go's `time.Time`: an instant (seconds and nanoseconds since the Unix epoch) shown in a zone, with
/// Go's reference-time layouts for formatting and parsing.
public struct GoTime: GoObject, GoJSONEncodable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// Nanoseconds within the second.
    public let nanoseconds: Int64
    /// The zone's offset from UTC in seconds.
    public let offset: Int
    /// The zone's abbreviation, e.g. `UTC`.
    public let zoneName: String

    /// An instant in the given zone.
    init(seconds: Int64, nanoseconds: Int64 = 0, zone: TimeZone) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        offset = zone.secondsFromGMT(for: date)
        zoneName = GoTime.abbreviation(zone, at: date, offset: offset)
    }

    /// An instant shown at a fixed offset from UTC under the given zone name.
    public init(seconds: Int64, nanoseconds: Int64, offset: Int, zoneName: String) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.offset = offset
        self.zoneName = zoneName
    }

    /// The current time in the process's local zone (Go's `time.Now()`).
    public static func now() -> GoTime {
        let interval = Date().timeIntervalSince1970
        let seconds = Int64(interval.rounded(.down))
        return GoTime(seconds: seconds, nanoseconds: Int64((interval - Double(seconds)) * 1e9), zone: .current)
    }

    private static func abbreviation(_ zone: TimeZone, at date: Date, offset: Int) -> String {
        if zone.identifier == "UTC" || zone.identifier == "GMT" && offset == 0 { return "UTC" }
        if let abbreviation = zone.abbreviation(for: date), !abbreviation.hasPrefix("GMT") { return abbreviation }
        // Go names zones without an abbreviation by their offset, e.g. "+09".
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        return sign + (hours < 10 ? "0" : "") + String(hours) + (minutes == 0 ? "" : (minutes < 10 ? "0" : "") + String(minutes))
    }

    /// The same instant in another zone (Go's `In`).
    func inZone(_ zone: TimeZone) -> GoTime {
        GoTime(seconds: seconds, nanoseconds: nanoseconds, zone: zone)
    }

    /// The instant moved by a duration in nanoseconds.
    public func adding(nanoseconds delta: Int64) -> GoTime {
        let total = nanoseconds + delta % 1_000_000_000
        let carry = total >= 1_000_000_000 ? 1 : (total < 0 ? -1 : 0)
        return GoTime(seconds: seconds + delta / 1_000_000_000 + Int64(carry), nanoseconds: total - Int64(carry) * 1_000_000_000, offset: offset, zoneName: zoneName)
    }

    /// The civil date and time in the time's zone.
    var civil: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int, yearDay: Int) {
        let local = seconds + Int64(offset)
        var days = local / 86400
        var secondsOfDay = local % 86400
        if secondsOfDay < 0 {
            secondsOfDay += 86400
            days -= 1
        }
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = Int(((days % 7) + 11) % 7)
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        let yearDay = cumulative[Int(month) - 1] + Int(day) + (isLeap && month > 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day), Int(secondsOfDay / 3600), Int(secondsOfDay % 3600 / 60), Int(secondsOfDay % 60), weekday, yearDay)
    }

    /// The instant of a civil date and time at a fixed offset from UTC (`offset` seconds east), shown
    /// under `zoneName`; Go's `time.Date` with a fixed zone.
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int, offset: Int, zoneName: String) {
        let local = GoTime.days(year: year, month: month, day: day) * 86400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(seconds: local - Int64(offset), nanoseconds: Int64(nanosecond), offset: offset, zoneName: zoneName)
    }

    /// Days since the epoch of a civil date (Hinnant's days-from-civil).
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    public var goType: GoType { .time }

    /// Go's `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`.
    public var stringValue: String? { GoTimeLayout.format(self, layout: "2006-01-02 15:04:05.999999999 -0700 MST") }

    public var jsonValue: GoValue { .string(GoTimeLayout.format(self, layout: "2006-01-02T15:04:05.999999999Z07:00")) }

    public func isEqual(to other: any GoObject) -> Bool? {
        guard let other = other as? GoTime else { return false }
        return seconds == other.seconds && nanoseconds == other.nanoseconds && offset == other.offset
    }

    public func member(named name: String) -> GoMember? {
        let time = self
        func method(_ parameters: [GoParameterType] = [], _ body: @escaping @Sendable ([GoValue]) throws -> GoValue) -> GoMember {
            .method(GoFunction(name, parameters) { arguments, _ in try body(arguments) })
        }
        switch name {
        case "Year": return method { _ in .int(time.civil.year) }
        case "Month": return method { _ in .int(time.civil.month) }
        case "Day": return method { _ in .int(time.civil.day) }
        case "Hour": return method { _ in .int(time.civil.hour) }
        case "Minute": return method { _ in .int(time.civil.minute) }
        case "Second": return method { _ in .int(time.civil.second) }
        case "Nanosecond": return method { _ in .int(Int(time.nanoseconds)) }
        case "YearDay": return method { _ in .int(time.civil.yearDay) }
        case "Unix": return method { _ in .int64(time.seconds) }
        case "UnixNano": return method { _ in .int64(time.seconds &* 1_000_000_000 &+ time.nanoseconds) }
        case "UTC": return method { _ in .object(time.inZone(TimeZone(identifier: "UTC")!)) }
        case "Local": return method { _ in .object(time.inZone(.current)) }
        case "Format": return method([.string]) { a in .string(GoTimeLayout.format(time, layout: a.string(0))) }
        case "String": return method { _ in .string(time.stringValue ?? "") }
        case "IsZero": return method { _ in .bool(time.seconds == -62135596800 && time.nanoseconds == 0) }
        default: return nil
        }
    }
}
