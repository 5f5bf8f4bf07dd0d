import Foundation

/// Sprig's date functions (`date.go`), on ``GoTime``.
enum SprigDates {
    static let functions: [GoFunction] = [
        GoFunction("now") { _, _ in .object(GoTime.now()) },
        GoFunction("date", [.string, .any]) { a, _ in .string(format(a.string(0), a[1], zone: "Local")) },
        GoFunction("dateInZone", [.string, .any, .string]) { a, _ in .string(format(a.string(0), a[1], zone: a.string(2))) },
        GoFunction("date_in_zone", [.string, .any, .string]) { a, _ in .string(format(a.string(0), a[1], zone: a.string(2))) },
        GoFunction("htmlDate", [.any]) { a, _ in .string(format("2006-01-02", a[0], zone: "Local")) },
        GoFunction("htmlDateInZone", [.any, .string]) { a, _ in .string(format("2006-01-02", a[0], zone: a.string(1))) },
        GoFunction("dateModify", [.string, .object(.time)]) { a, _ in modify(a, must: false) },
        GoFunction("date_modify", [.string, .object(.time)]) { a, _ in modify(a, must: false) },
        GoFunction("mustDateModify", [.string, .object(.time)]) { a, _ in try mustModify(a) },
        GoFunction("must_date_modify", [.string, .object(.time)]) { a, _ in try mustModify(a) },
        GoFunction("toDate", [.string, .string]) { a, _ in
            .object(GoTimeLayout.parse(a.string(1), layout: a.string(0), zone: .current) ?? GoTime(seconds: -62135596800, nanoseconds: 0, offset: 0, zoneName: "UTC"))
        },
        GoFunction("mustToDate", [.string, .string]) { a, _ in
            guard let time = GoTimeLayout.parse(a.string(1), layout: a.string(0), zone: .current) else {
                throw GoFunctionError("parsing time \(GoQuote.quote(a.string(1))) as \(GoQuote.quote(a.string(0))): cannot parse \(GoQuote.quote(a.string(1))) as \(GoQuote.quote(a.string(0)))")
            }
            return .object(time)
        },
        GoFunction("unixEpoch", [.object(.time)]) { a, _ in .string(String((a[0].objectValue as? GoTime)?.seconds ?? 0)) },
        GoFunction("ago", [.any]) { a, _ in
            let now = GoTime.now()
            let then = time(a[0]) ?? now
            let elapsed = (now.seconds - then.seconds) * 1_000_000_000 + now.nanoseconds - then.nanoseconds
            let rounded = (elapsed + (elapsed >= 0 ? 500_000_000 : -500_000_000)) / 1_000_000_000 * 1_000_000_000
            return .string(GoDuration.string(rounded))
        },
        GoFunction("duration", [.any]) { a, _ in
            let seconds: Int64
            switch a[0] {
            case .string(let string): seconds = (try? GoStrconv.parseInt(string, base: 10, bitSize: 64)) ?? 0
            case .int64(let value): seconds = value
            default: seconds = 0
            }
            return .string(GoDuration.string(seconds &* 1_000_000_000))
        },
        GoFunction("durationRound", [.any]) { a, _ in .string(roundDuration(a[0])) },
    ]

    /// A time argument as Sprig's `dateInZone` accepts it: a time, or Unix seconds as `int`/`int64`.
    private static func time(_ value: GoValue) -> GoTime? {
        switch value {
        case .object(let object as GoTime): object
        case .int(let seconds): GoTime(seconds: Int64(seconds), zone: .current)
        case .int64(let seconds): GoTime(seconds: seconds, zone: .current)
        default: nil
        }
    }

    private static func format(_ layout: String, _ value: GoValue, zone: String) -> String {
        let time = time(value) ?? GoTime.now()
        let location = zone == "Local" ? TimeZone.current : (zone == "" || zone == "UTC" ? TimeZone(identifier: "UTC") : TimeZone(identifier: zone)) ?? TimeZone(identifier: "UTC")!
        return GoTimeLayout.format(time.inZone(location), layout: layout)
    }

    private static func modify(_ a: [GoValue], must: Bool) -> GoValue {
        guard let time = a[1].objectValue as? GoTime, let delta = GoDuration.parse(a.string(0)) else { return a[1] }
        return .object(time.adding(nanoseconds: delta))
    }

    private static func mustModify(_ a: [GoValue]) throws -> GoValue {
        guard GoDuration.parse(a.string(0)) != nil else { throw GoFunctionError("time: invalid duration \(GoQuote.quote(a.string(0)))") }
        return modify(a, must: true)
    }

    /// Sprig's `durationRound`: the largest unit only (`2h`, `3mo`, `1y`).
    private static func roundDuration(_ value: GoValue) -> String {
        var nanoseconds: Int64 = 0
        switch value {
        case .string(let string): nanoseconds = GoDuration.parse(string) ?? 0
        case .int64(let value): nanoseconds = value
        case .object(let time as GoTime):
            let now = GoTime.now()
            nanoseconds = (now.seconds - time.seconds) * 1_000_000_000
        default: break
        }
        let seconds = UInt64(nanoseconds.magnitude) / 1_000_000_000
        let sign = nanoseconds < 0 ? "-" : ""
        let (year, month, day, hour, minute): (UInt64, UInt64, UInt64, UInt64, UInt64) = (31_536_000, 2_592_000, 86400, 3600, 60)
        switch seconds {
        case let s where s > year: return sign + String(s / year) + "y"
        case let s where s > month: return sign + String(s / month) + "mo"
        case let s where s > day: return sign + String(s / day) + "d"
        case let s where s > hour: return sign + String(s / hour) + "h"
        case let s where s > minute: return sign + String(s / minute) + "m"
        case let s where s > 0: return sign + String(s) + "s"
        default: return "0s"
        }
    }
}
