/// Go's `time.Duration`: formatting (`1h2m3.5s`) and `time.ParseDuration`.
enum GoDuration {
    private static let units: [(String, Double)] = [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ]

    /// Go's `Duration.String()`.
    static func string(_ nanoseconds: Int64) -> String {
        if nanoseconds == 0 { return "0s" }
        let negative = nanoseconds < 0
        let magnitude = nanoseconds.magnitude
        var text: String
        if magnitude < 1_000_000_000 {
            let (unit, divisor): (String, UInt64) = magnitude < 1000 ? ("ns", 1) : magnitude < 1_000_000 ? ("µs", 1000) : ("ms", 1_000_000)
            text = fixed(magnitude, divisor) + unit
        } else {
            let hours = magnitude / 3_600_000_000_000
            let minutes = magnitude / 60_000_000_000 % 60
            let seconds = magnitude % 60_000_000_000
            text = fixed(seconds, 1_000_000_000) + "s"
            if hours > 0 || minutes > 0 { text = String(minutes) + "m" + text }
            if hours > 0 { text = String(hours) + "h" + text }
        }
        return negative ? "-" + text : text
    }

    /// `value / divisor` with the fraction's trailing zeros dropped.
    private static func fixed(_ value: UInt64, _ divisor: UInt64) -> String {
        var text = String(value / divisor)
        if divisor > 1, value % divisor != 0 {
            var fraction = String(value % divisor)
            fraction = String(repeating: "0", count: String(divisor).count - 1 - fraction.count) + fraction
            while fraction.last == "0" { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }

    /// `time.ParseDuration`; nil when the text is not a duration.
    static func parse(_ text: String) -> Int64? {
        var rest = Substring(text)
        var negative = false
        if rest.first == "-" || rest.first == "+" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        if rest.isEmpty { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") })
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix(while: { !($0.isASCII && ($0.isNumber || $0 == ".")) })
            guard let unit = units.first(where: { $0.0 == unitText }) else { return nil }
            rest = rest.dropFirst(unitText.count)
            total += value * unit.1
        }
        guard total <= 9.223372036854775e18 else { return nil }
        return Int64(negative ? -total : total)
    }
}
