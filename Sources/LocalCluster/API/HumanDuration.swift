/// Ages as `kubectl get` prints them: `45s`, `5m12s`, `3h`, `2d4h`, `400d`.
enum HumanDuration {
    static func format(_ interval: Double) -> String {
        let seconds = Int(max(interval, 0))
        if seconds < 120 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 { return seconds % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(seconds % 60)s" }
        if minutes < 180 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 8 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m" }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 { return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(hours % 24)h" }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        let years = hours / 24 / 365
        if years < 8 { return "\(years)y\(hours / 24 % 365)d" }
        return "\(years)y"
    }
}
