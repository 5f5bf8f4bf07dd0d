/// One requirement of a label selector, such as `tier in (web,api)` or `!canary`.
public struct LabelRequirement: Sendable, Hashable, CustomStringConvertible {
    /// How the requirement compares the label's value.
    public enum Operator: String, Sendable, Hashable {
        case equals = "="
        case notEquals = "!="
        case `in` = "in"
        case notIn = "notin"
        case exists = "exists"
        case doesNotExist = "!"
    }

    /// The label key.
    public var key: String
    /// The comparison.
    public var `operator`: Operator
    /// The values compared against (one for `=`/`!=`, any number for `in`/`notin`, none otherwise).
    public var values: [String]

    /// Creates a requirement.
    public init(key: String, operator: Operator, values: [String] = []) {
        self.key = key
        self.operator = `operator`
        self.values = values
    }

    /// Whether a set of labels satisfies this requirement (Kubernetes semantics: `!=` and `notin`
    /// match objects that lack the label).
    public func matches(_ labels: [String: String]) -> Bool {
        let value = labels[key]
        switch self.operator {
        case .equals: return value == values.first
        case .notEquals: return value != values.first
        case .in: return value.map(values.contains) ?? false
        case .notIn: return value.map { !values.contains($0) } ?? true
        case .exists: return value != nil
        case .doesNotExist: return value == nil
        }
    }

    /// The selector-string form.
    public var description: String {
        switch self.operator {
        case .equals, .notEquals: return "\(key)\(self.operator.rawValue)\(values.first ?? "")"
        case .in, .notIn: return "\(key) \(self.operator.rawValue) (\(values.joined(separator: ",")))"
        case .exists: return key
        case .doesNotExist: return "!\(key)"
        }
    }
}
