import Foundation

/// The text Go's JSON encoding gives the values protobuf carries as numbers or bytes.
enum ProtobufValueFormatter {
    /// RFC 3339 in UTC, as `metav1.Time` (whole seconds) and `metav1.MicroTime` (six fractional
    /// digits) write it: `2026-01-02T03:04:05Z`, `2026-01-02T03:04:05.123456Z`.
    static func timestamp(seconds: Int64, microseconds: Int64? = nil) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
        text += pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if let microseconds {
            text += "." + pad(microseconds, 6)
        }
        return text + "Z"
    }

    /// Go's `time.Duration.String()`: `0s`, `1.5µs`, `250ms`, `1m30s`, `1h0m0s`.
    static func duration(nanoseconds: Int64) -> String {
        let sign = nanoseconds < 0 ? "-" : ""
        let magnitude = nanoseconds.magnitude
        if magnitude == 0 { return "0s" }
        if magnitude < 1_000 { return sign + "\(magnitude)ns" }
        if magnitude < 1_000_000 { return sign + decimal(magnitude, fractionDigits: 3) + "µs" }
        if magnitude < 1_000_000_000 { return sign + decimal(magnitude, fractionDigits: 6) + "ms" }
        let wholeSeconds = magnitude / 1_000_000_000
        let seconds = decimal(wholeSeconds % 60 * 1_000_000_000 + magnitude % 1_000_000_000, fractionDigits: 9) + "s"
        let minutes = wholeSeconds / 60 % 60
        let hours = wholeSeconds / 3600
        if hours > 0 { return sign + "\(hours)h\(minutes)m" + seconds }
        if minutes > 0 { return sign + "\(minutes)m" + seconds }
        return sign + seconds
    }

    /// A float as Go's JSON encoding writes it: integral values without a fraction.
    static func number(_ value: Double) -> JSONNumber {
        if value == value.rounded(), value.magnitude < 1e15 {
            return JSONNumber(Int64(value))
        }
        return JSONNumber(value)
    }

    /// Standard base64 with padding, as Go's JSON encoding writes `[]byte`.
    static func base64(_ bytes: ArraySlice<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }

    /// `value` / 10^fractionDigits with the fraction's trailing zeros (and a bare point) removed.
    private static func decimal(_ value: UInt64, fractionDigits: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        var fraction = String(value % scale)
        fraction = String(repeating: "0", count: fractionDigits - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(value / scale)" : "\(value / scale).\(fraction)"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    private static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
