public import GoTemplate

/// Parses `--set` / `--set-string` arguments (`a.b=c,list[0]=x,tags={a,b}`) into values, as Helm's
/// `strvals` does: with `--set`, `true`/`false` become booleans, integers `int64`, `null` nil.
public enum SetValueParser {
    /// Applies one `--set`-style argument to `values`.
    public static func apply(_ argument: String, to values: GoMap, typed: Bool) throws(HelmError) {
        for assignment in splitUnescaped(argument, on: ",", respectingBraces: true) where !assignment.isEmpty {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw HelmError("key \(GoFormat.quote(assignment)) has no value")
            }
            let key = String(assignment[..<equals])
            let raw = String(assignment[assignment.index(after: equals)...])
            let value: GoValue
            if raw.hasPrefix("{") && raw.hasSuffix("}") {
                value = .list(GoList(splitUnescaped(String(raw.dropFirst().dropLast()), on: ",", respectingBraces: false).map { typedValue($0, typed: typed) }))
            } else {
                value = typedValue(raw, typed: typed)
            }
            try set(value, at: key, in: values)
        }
    }

    private static func typedValue(_ raw: String, typed: Bool) -> GoValue {
        let text = raw.replacing("\\,", with: ",")
        guard typed else { return .string(text) }
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default:
            if let integer = Int64(text), !(text.hasPrefix("0") && text.count > 1) { return .int64(integer) }
            return .string(text)
        }
    }

    private static func splitUnescaped(_ text: String, on separator: Character, respectingBraces: Bool) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if character == "\\" {
                escaped = true
                current.append(character)
                continue
            }
            if respectingBraces && character == "{" { depth += 1 }
            if respectingBraces && character == "}" { depth -= 1 }
            if character == separator && depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    private static func unescaped(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if character == "\\" && !escaped {
                escaped = true
                continue
            }
            escaped = false
            result.append(character)
        }
        return result
    }

    private static func set(_ value: GoValue, at key: String, in values: GoMap) throws(HelmError) {
        // A backslash makes the next character part of the key: `a\.b` is the one key `a.b`.
        let parts = splitUnescaped(key, on: ".", respectingBraces: false).map(unescaped)
        var current = values
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            var name = part
            var listIndex: Int?
            if let open = part.firstIndex(of: "["), part.hasSuffix("]") {
                name = String(part[..<open])
                guard let position = Int(part[part.index(after: open)..<part.index(before: part.endIndex)]), position >= 0 else {
                    throw HelmError("failed parsing key \(GoFormat.quote(key)): invalid list index")
                }
                listIndex = position
            }
            guard !name.isEmpty else { throw HelmError("key \(GoFormat.quote(key)) has an empty segment") }
            if let listIndex {
                var elements: [GoValue] = []
                if case .list(let list)? = current[name] { elements = list.elements }
                while elements.count <= listIndex { elements.append(.null) }
                if isLast {
                    elements[listIndex] = value
                    current[name] = .list(GoList(elements))
                    return
                }
                let next: GoMap
                if case .map(let existing) = elements[listIndex] { next = existing } else { next = GoMap() }
                elements[listIndex] = .map(next)
                current[name] = .list(GoList(elements))
                current = next
            } else if isLast {
                current[name] = value
            } else {
                if case .map(let existing)? = current[name] {
                    current = existing
                } else {
                    let next = GoMap()
                    current[name] = .map(next)
                    current = next
                }
            }
        }
    }
}
