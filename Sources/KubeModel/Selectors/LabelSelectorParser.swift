/// Parses the string form of a label selector, following Kubernetes' grammar:
/// `key`, `!key`, `key=value`, `key==value`, `key!=value`, `key in (a,b)`, `key notin (a,b)`, joined by commas.
struct LabelSelectorParser {
    private let text: String
    private let characters: [Character]
    private var index = 0

    init(text: String) {
        self.text = text
        self.characters = Array(text)
    }

    mutating func parse() throws(SelectorError) -> [LabelRequirement] {
        var requirements: [LabelRequirement] = []
        skipSpaces()
        if index == characters.count { return [] }
        while true {
            requirements.append(try parseRequirement())
            skipSpaces()
            if index == characters.count { return requirements }
            guard characters[index] == "," else { throw failure("expected ',' between requirements") }
            index += 1
            skipSpaces()
        }
    }

    private mutating func parseRequirement() throws(SelectorError) -> LabelRequirement {
        if peek() == "!" {
            index += 1
            skipSpaces()
            let key = try parseKey()
            return LabelRequirement(key: key, operator: .doesNotExist)
        }
        let key = try parseKey()
        skipSpaces()
        guard let next = peek(), next != "," else { return LabelRequirement(key: key, operator: .exists) }
        if next == "=" {
            index += 1
            if peek() == "=" { index += 1 }
            return LabelRequirement(key: key, operator: .equals, values: [try parseValue()])
        }
        if next == "!" {
            index += 1
            guard peek() == "=" else { throw failure("expected '=' after '!'") }
            index += 1
            return LabelRequirement(key: key, operator: .notEquals, values: [try parseValue()])
        }
        let word = readWord()
        switch word {
        case "in": return LabelRequirement(key: key, operator: .in, values: try parseSet())
        case "notin": return LabelRequirement(key: key, operator: .notIn, values: try parseSet())
        default: throw failure("expected one of '=', '==', '!=', 'in', 'notin' after key \"\(key)\"")
        }
    }

    private mutating func parseKey() throws(SelectorError) -> String {
        let key = readWord()
        guard !key.isEmpty else { throw failure("expected a label key") }
        try validateLabelKey(key)
        return key
    }

    private mutating func parseValue() throws(SelectorError) -> String {
        skipSpaces()
        let value = readWord()
        try validateLabelValue(value)
        return value
    }

    private mutating func parseSet() throws(SelectorError) -> [String] {
        skipSpaces()
        guard peek() == "(" else { throw failure("expected '(' to start a value set") }
        index += 1
        var values: [String] = []
        while true {
            skipSpaces()
            let value = readWord()
            try validateLabelValue(value)
            values.append(value)
            skipSpaces()
            guard let next = peek() else { throw failure("expected ')' to close the value set") }
            index += 1
            if next == ")" { break }
            guard next == "," else { throw failure("expected ',' or ')' in the value set") }
        }
        return values
    }

    private mutating func readWord() -> String {
        let start = index
        while index < characters.count, !" \t,=!()".contains(characters[index]) { index += 1 }
        return String(characters[start..<index])
    }

    private func peek() -> Character? { index < characters.count ? characters[index] : nil }

    private mutating func skipSpaces() {
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
    }

    private func validateLabelKey(_ key: String) throws(SelectorError) {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let name = parts.last, isQualifiedNamePart(name) else {
            throw SelectorError(selector: text, reason: "\"\(key)\" is not a valid label key")
        }
        if parts.count == 2 && (parts[0].isEmpty || parts[0].count > 253) {
            throw SelectorError(selector: text, reason: "\"\(key)\" has an invalid prefix")
        }
    }

    private func validateLabelValue(_ value: String) throws(SelectorError) {
        if value.isEmpty { return }
        guard isQualifiedNamePart(Substring(value)) else {
            throw SelectorError(selector: text, reason: "\"\(value)\" is not a valid label value")
        }
    }

    /// `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?`, at most 63 characters.
    private func isQualifiedNamePart(_ part: Substring) -> Bool {
        guard !part.isEmpty, part.count <= 63, let first = part.first, let last = part.last,
            first.isASCII && (first.isLetter || first.isNumber), last.isASCII && (last.isLetter || last.isNumber)
        else { return false }
        return part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    private func failure(_ reason: String) -> SelectorError {
        SelectorError(selector: text, reason: "\(reason) at position \(index + 1)")
    }
}
