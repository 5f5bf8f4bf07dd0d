/// A Masterminds/semver v3 constraint (`>= 1.2, < 2 || ^3`), as `semverCompare` checks it: `||`
/// alternatives of comma- or space-separated conditions, `x`/`*` wildcards, `~`, `^` and hyphen ranges,
/// and pre-release versions matching only conditions that name a pre-release.
public struct SemverConstraint: Sendable {
    /// Text that is not a constraint, with semver's message.
    public struct Improper: Error, CustomStringConvertible, Sendable {
        /// The text that failed to parse.
        public let constraint: String
        public var description: String { "improper constraint: " + GoQuote.quote(constraint) }
    }

    private struct Condition: Sendable {
        let operation: String
        let version: SemanticVersion
        /// How many of major, minor, patch were given as numbers (the rest were wildcards or absent).
        let precision: Int
        let original: String
    }

    private let alternatives: [[Condition]]

    /// Parses a constraint as `semver.NewConstraint`.
    public init(_ text: String) throws(Improper) {
        var alternatives: [[Condition]] = []
        for alternative in text.split(separator: "||", omittingEmptySubsequences: false).map(String.init) {
            var conditions: [Condition] = []
            let tokens = SemverConstraint.tokens(alternative)
            if tokens.isEmpty { throw Improper(constraint: text) }
            var index = 0
            while index < tokens.count {
                if index + 2 < tokens.count && tokens[index + 1] == "-" {
                    guard let low = SemverConstraint.condition(">=" + tokens[index]), let high = SemverConstraint.condition("<=" + tokens[index + 2]) else {
                        throw Improper(constraint: text)
                    }
                    conditions += [low, high]
                    index += 3
                    continue
                }
                guard let condition = SemverConstraint.condition(tokens[index]) else { throw Improper(constraint: text) }
                conditions.append(condition)
                index += 1
            }
            alternatives.append(conditions)
        }
        self.alternatives = alternatives
    }

    /// Splits one alternative into conditions, joining an operator with the version that follows it.
    private static func tokens(_ text: String) -> [String] {
        let raw = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        var tokens: [String] = []
        for token in raw {
            if let last = tokens.last, ["=", "!=", ">", "<", ">=", "=>", "<=", "=<", "~", "~>", "^"].contains(last) {
                tokens[tokens.count - 1] = last + token
            } else {
                tokens.append(token)
            }
        }
        return tokens
    }

    private static func condition(_ text: String) -> Condition? {
        let operators = [">=", "=>", "<=", "=<", "!=", "~>", "=", ">", "<", "~", "^"]
        var operation = ""
        var rest = Substring(text)
        for candidate in operators where rest.hasPrefix(candidate) {
            operation = candidate
            rest = rest.dropFirst(candidate.count)
            break
        }
        if rest.hasPrefix("v") { rest = rest.dropFirst() }
        var suffix = ""
        if let index = rest.firstIndex(where: { $0 == "-" || $0 == "+" }) {
            suffix = String(rest[index...])
            rest = rest[..<index]
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [String] = []
        var precision = 0
        for part in parts {
            if ["x", "X", "*"].contains(part) {
                numbers.append("0")
            } else if !part.isEmpty, part.allSatisfy { $0.isASCII && $0.isNumber }, numbers.count == precision {
                numbers.append(String(part))
                precision += 1
            } else {
                return nil
            }
        }
        while numbers.count < 3 { numbers.append("0") }
        guard let version = try? SemanticVersion(numbers.joined(separator: ".") + suffix) else { return nil }
        switch operation {
        case "=>": operation = ">="
        case "=<": operation = "<="
        case "~>": operation = "~"
        case "": operation = "="
        default: break
        }
        return Condition(operation: operation, version: version, precision: precision, original: text)
    }

    /// Whether the version satisfies any alternative.
    /// Whether the version satisfies the constraint, as `Constraints.Check`.
    public func check(_ version: SemanticVersion) -> Bool {
        alternatives.contains { conditions in conditions.allSatisfy { SemverConstraint.check(version, $0) } }
    }

    private static func check(_ version: SemanticVersion, _ condition: Condition) -> Bool {
        let bound = condition.version
        if !version.prerelease.isEmpty && bound.prerelease.isEmpty { return false }
        let wildcard = condition.precision < 3
        switch condition.operation {
        case "=":
            if wildcard { return tilde(version, bound, precision: condition.precision) }
            return version.compare(bound) == 0
        case "!=":
            if wildcard { return !tilde(version, bound, precision: condition.precision) }
            return version.compare(bound) != 0
        case ">":
            if wildcard {
                if condition.precision == 0 { return false }
                if condition.precision == 1 { return version.major > bound.major }
                return version.major > bound.major || version.major == bound.major && version.minor > bound.minor
            }
            return version.compare(bound) > 0
        case "<":
            return version.compare(bound) < 0
        case ">=":
            return version.compare(bound) >= 0
        case "<=":
            if wildcard {
                if condition.precision == 0 { return true }
                if condition.precision == 1 { return version.major <= bound.major }
                return version.major < bound.major || version.major == bound.major && version.minor <= bound.minor
            }
            return version.compare(bound) <= 0
        case "~":
            return tilde(version, bound, precision: max(condition.precision, 2) == 3 ? 2 : max(condition.precision, 1))
        case "^":
            if version.compare(bound) < 0 { return false }
            if bound.major > 0 || condition.precision == 1 { return version.major == bound.major }
            if bound.minor > 0 || condition.precision == 2 { return version.major == 0 && version.minor == bound.minor }
            return version.major == 0 && version.minor == 0 && version.patch == bound.patch
        default:
            return false
        }
    }

    /// At least `bound`, below the next release at `precision` (1: next major, 2: next minor);
    /// precision 0 matches everything.
    private static func tilde(_ version: SemanticVersion, _ bound: SemanticVersion, precision: Int) -> Bool {
        if version.compare(bound) < 0 { return false }
        switch precision {
        case 0: return true
        case 1: return version.major == bound.major
        default: return version.major == bound.major && version.minor == bound.minor
        }
    }
}
