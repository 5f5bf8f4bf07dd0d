/// A label selector: a conjunction of requirements, written as a string (`app=web,tier in (a,b),!x`)
/// or as the `matchLabels`/`matchExpressions` object of Kubernetes specs.
public struct LabelSelector: Sendable, Hashable, CustomStringConvertible {
    /// The requirements, all of which must hold.
    public var requirements: [LabelRequirement]

    /// A selector of the given requirements; no requirements select everything.
    public init(requirements: [LabelRequirement] = []) {
        self.requirements = requirements
    }

    /// Parses the string form used by `kubectl -l` and the API's `labelSelector` parameter.
    public init(parsing text: String) throws(SelectorError) {
        var parser = LabelSelectorParser(text: text)
        requirements = try parser.parse()
    }

    /// Reads the object form (`matchLabels`, `matchExpressions`) used in Deployment and Service specs.
    public init(json: JSONValue) throws(SelectorError) {
        var requirements: [LabelRequirement] = []
        if let matchLabels = json["matchLabels"]?.objectValue {
            for (key, value) in matchLabels {
                guard let text = value.stringValue else {
                    throw SelectorError(selector: "matchLabels.\(key)", reason: "value must be a string")
                }
                requirements.append(LabelRequirement(key: key, operator: .equals, values: [text]))
            }
        }
        for (position, expression) in (json["matchExpressions"]?.arrayValue ?? []).enumerated() {
            let field = "matchExpressions[\(position)]"
            guard let key = expression["key"]?.stringValue else {
                throw SelectorError(selector: field, reason: "key is required")
            }
            let values = expression["values"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let operatorName = expression["operator"]?.stringValue ?? ""
            let requirement: LabelRequirement
            switch operatorName {
            case "In": requirement = LabelRequirement(key: key, operator: .in, values: values)
            case "NotIn": requirement = LabelRequirement(key: key, operator: .notIn, values: values)
            case "Exists": requirement = LabelRequirement(key: key, operator: .exists)
            case "DoesNotExist": requirement = LabelRequirement(key: key, operator: .doesNotExist)
            default:
                throw SelectorError(
                    selector: "\(field).operator", reason: "\"\(operatorName)\" is not one of In, NotIn, Exists, DoesNotExist")
            }
            if (requirement.operator == .in || requirement.operator == .notIn) && values.isEmpty {
                throw SelectorError(selector: "\(field).values", reason: "must be non-empty for \(operatorName)")
            }
            requirements.append(requirement)
        }
        self.requirements = requirements
    }

    /// Whether the selector has no requirements and so selects everything.
    public var isEmpty: Bool { requirements.isEmpty }

    /// Whether the labels satisfy every requirement.
    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(labels) }
    }

    /// The string form.
    public var description: String { requirements.map(\.description).joined(separator: ",") }
}
