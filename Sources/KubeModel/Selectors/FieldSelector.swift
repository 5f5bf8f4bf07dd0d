import Foundation

/// A field selector such as `metadata.name=web,status.phase!=Running`.
///
/// Fields are dotted paths into the object; which fields a server accepts per kind is the server's
/// business, this type only parses and evaluates.
public struct FieldSelector: Sendable, Hashable, CustomStringConvertible {
    /// One `field=value` or `field!=value` term.
    public struct Requirement: Sendable, Hashable {
        /// The dotted field path.
        public var field: String
        /// The value compared against.
        public var value: String
        /// Whether the field must differ from the value.
        public var negated: Bool

        /// Creates a term.
        public init(field: String, value: String, negated: Bool) {
            self.field = field
            self.value = value
            self.negated = negated
        }
    }

    /// The terms, all of which must hold.
    public var requirements: [Requirement]

    /// Parses `field=value`, `field==value` and `field!=value` terms joined by commas (`\,` escapes a comma).
    public init(parsing text: String) throws(SelectorError) {
        var requirements: [Requirement] = []
        for term in Self.splitTerms(text) where !term.trimmingCharacters(in: .whitespaces).isEmpty {
            let trimmed = term.trimmingCharacters(in: .whitespaces)
            let field: String
            let value: String
            let negated: Bool
            if let range = trimmed.range(of: "!=") {
                field = String(trimmed[..<range.lowerBound])
                value = String(trimmed[range.upperBound...])
                negated = true
            } else if let range = trimmed.range(of: "==") {
                field = String(trimmed[..<range.lowerBound])
                value = String(trimmed[range.upperBound...])
                negated = false
            } else if let equals = trimmed.firstIndex(of: "=") {
                field = String(trimmed[..<equals])
                value = String(trimmed[trimmed.index(after: equals)...])
                negated = false
            } else {
                throw SelectorError(selector: text, reason: "\"\(trimmed)\" needs an operator: '=', '==' or '!='")
            }
            guard !field.isEmpty else { throw SelectorError(selector: text, reason: "a term has no field name") }
            requirements.append(Requirement(field: field.trimmingCharacters(in: .whitespaces), value: value.trimmingCharacters(in: .whitespaces), negated: negated))
        }
        self.requirements = requirements
    }

    /// The dotted field paths this selector reads, for a server to check against what it supports.
    public var fields: [String] { requirements.map(\.field) }

    /// Whether the object satisfies every term; a missing field reads as the empty string.
    public func matches(_ object: JSONValue) -> Bool {
        requirements.allSatisfy { requirement in
            let actual = Self.fieldText(object[path: requirement.field.split(separator: ".").map(String.init)])
            return (actual == requirement.value) != requirement.negated
        }
    }

    public var description: String {
        requirements.map { "\($0.field)\($0.negated ? "!=" : "=")\($0.value)" }.joined(separator: ",")
    }

    private static func fieldText(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text): text
        case .number(let number): number.literal
        case .bool(let flag): flag ? "true" : "false"
        default: ""
        }
    }

    private static func splitTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," {
                terms.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        terms.append(current)
        return terms
    }
}
