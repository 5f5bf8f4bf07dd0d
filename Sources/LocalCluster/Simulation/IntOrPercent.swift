import KubeModel

/// Kubernetes' `IntOrString` fields such as `maxSurge: 25%`, resolved against a total.
enum IntOrPercent {
    /// An integer as is, or a percentage of `total` rounded up or down as the field's controller does.
    static func scaled(_ value: JSONValue?, total: Int, roundUp: Bool) -> Int {
        switch value {
        case .number(let number)?:
            return Int(number.int64Value ?? 0)
        case .string(let text)?:
            guard text.hasSuffix("%"), let percent = Int(text.dropLast()) else { return Int(text) ?? 0 }
            let scaled = percent * total
            return roundUp ? (scaled + 99) / 100 : scaled / 100
        default:
            return 0
        }
    }
}
