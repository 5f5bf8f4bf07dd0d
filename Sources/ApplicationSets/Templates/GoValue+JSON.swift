import GoTemplate
import KubeModel

extension GoValue {
    /// The value a Go template sees for a parameter: objects as `map[string]interface{}`, arrays as
    /// `[]interface{}`, numbers as `float64`, as upstream's JSON decoding of parameters produces them.
    init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let number): self = .float64(number.doubleValue)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .list(GoList(elements.map(GoValue.init(json:))))
        case .object(let members):
            var entries: [String: GoValue] = [:]
            for (key, value) in members { entries[key] = GoValue(json: value) }
            self = .map(GoMap(entries))
        }
    }
}
