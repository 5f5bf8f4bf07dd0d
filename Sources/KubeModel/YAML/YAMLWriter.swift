/// Writes ``JSONValue`` documents as YAML laid out the way `kubectl get -o yaml` lays them out.
///
/// Two-space indentation, sequences at the same indentation as their parent key, multi-line strings as
/// literal blocks, and quotes only where a plain scalar would be read back as something else — so that
/// reading the output gives back exactly the value that was written.
public enum YAMLWriter {
    /// The YAML text of one document.
    public static func string(_ value: JSONValue) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    /// The YAML text of several documents separated by `---` lines.
    public static func string(documents: [JSONValue]) -> String {
        documents.map(string).joined(separator: "---\n")
    }

    private static func write(_ value: JSONValue, into output: inout String) {
        switch value {
        case .object(let members) where !members.isEmpty:
            writeMembers(members, indent: 0, into: &output)
        case .array(let elements) where !elements.isEmpty:
            writeElements(elements, indent: 0, into: &output)
        default:
            output += inlineScalar(value, indent: 2)
            output += "\n"
        }
    }

    private static func writeMembers(_ members: JSONObject, indent: Int, into output: inout String) {
        let padding = String(repeating: " ", count: indent)
        for (key, value) in members {
            output += padding
            output += scalarText(key, indent: indent, isKey: true)
            output += ":"
            writeValue(value, indent: indent, sequenceIndent: indent, into: &output)
        }
    }

    private static func writeElements(_ elements: [JSONValue], indent: Int, into output: inout String) {
        let padding = String(repeating: " ", count: indent)
        for element in elements {
            output += padding
            output += "-"
            switch element {
            case .object(let members) where !members.isEmpty:
                // The first line of a nested block shares the dash's line; the rest align under it.
                var nested = ""
                writeMembers(members, indent: indent + 2, into: &nested)
                output += " " + nested.dropFirst(indent + 2)
            case .array(let elements) where !elements.isEmpty:
                var nested = ""
                writeElements(elements, indent: indent + 2, into: &nested)
                output += " " + nested.dropFirst(indent + 2)
            default:
                output += " "
                output += inlineScalar(element, indent: indent + 2)
                output += "\n"
            }
        }
    }

    /// Writes what follows `key:` — a nested block on the next lines, or a scalar on the same line.
    private static func writeValue(_ value: JSONValue, indent: Int, sequenceIndent: Int, into output: inout String) {
        switch value {
        case .object(let members) where !members.isEmpty:
            output += "\n"
            writeMembers(members, indent: indent + 2, into: &output)
        case .array(let elements) where !elements.isEmpty:
            output += "\n"
            writeElements(elements, indent: sequenceIndent, into: &output)
        default:
            output += " "
            output += inlineScalar(value, indent: indent + 2)
            output += "\n"
        }
    }

    private static func inlineScalar(_ value: JSONValue, indent: Int) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.literal
        case .string(let text): scalarText(text, indent: indent, isKey: false)
        case .array: "[]"
        case .object: "{}"
        }
    }

    private static func scalarText(_ text: String, indent: Int, isKey: Bool) -> String {
        if !isKey, let block = literalBlock(text, indent: indent) { return block }
        if isPlainSafe(text) { return text }
        return doubleQuoted(text)
    }

    /// A `|` block for multi-line text, when the text survives one unchanged.
    private static func literalBlock(_ text: String, indent: Int) -> String? {
        guard text.contains("\n") else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var trailingNewlines = 0
        while lines.count > 1, lines.last?.isEmpty == true {
            lines.removeLast()
            trailingNewlines += 1
        }
        for line in lines {
            if line.last == " " || line.last == "\t" { return nil }
            for scalar in line.unicodeScalars where scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F || scalar == "\u{FEFF}" {
                return nil
            }
        }
        if lines.allSatisfy({ $0.isEmpty }) { return nil }
        let chomping: String
        switch trailingNewlines {
        case 0: chomping = "-"
        case 1: chomping = ""
        default: chomping = "+"
        }
        // An indentation indicator is needed when the first line starts with a space.
        let indicator = lines.first(where: { !$0.isEmpty })?.first == " " ? "2" : ""
        let padding = String(repeating: " ", count: indent)
        var block = "|" + indicator + chomping
        for line in lines {
            block += "\n"
            if !line.isEmpty { block += padding + line }
        }
        for _ in 1..<max(trailingNewlines, 1) { block += "\n" }
        return block
    }

    /// Whether `text` can be written without quotes and read back as the same string.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || first == "\t" || last == "\t" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // "-", "?" and ":" may start a plain scalar when followed by a non-space, but a lone "-" may not.
            guard first == "-" || first == "?" || first == ":", text.unicodeScalars.count > 1 else { return false }
            let second = text.unicodeScalars[text.unicodeScalars.index(after: text.unicodeScalars.startIndex)]
            if second == " " || second == "\t" { return false }
        }
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{FEFF}" || scalar == "\u{85}"
                || scalar == "\u{2028}" || scalar == "\u{2029}"
            {
                return false
            }
            if scalar == "#" && (previous == " " || previous == "\t") { return false }
            if previous == ":" && (scalar == " " || scalar == "\t") { return false }
            previous = scalar
        }
        if last == ":" { return false }
        if text == "---" || text == "..." || text.hasPrefix("--- ") || text.hasPrefix("... ") { return false }
        // Anything that would read back as a boolean, null or number must be quoted.
        return YAMLScalarResolver.resolvePlain(text) == .value(.string(text))
    }

    private static func doubleQuoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{0}": output += "\\0"
            case "\u{85}": output += "\\N"
            case "\u{2028}": output += "\\L"
            case "\u{2029}": output += "\\P"
            case "\u{FEFF}": output += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    output += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
