import KubeModel

/// Replaces `$key` references in a service's configuration with the values of
/// `argocd-notifications-secret`, as upstream does: in every string, each `$` followed by letters,
/// digits, `_` or `-` is looked up; a key the Secret lacks is left as written.
enum SecretReferences {
    /// The configuration with references replaced, and the keys that could not be found (only their
    /// names: values must never reach logs).
    static func resolve(_ value: JSONValue, secrets: [String: String]) -> (JSONValue, missing: [String]) {
        var missing: [String] = []
        func walk(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let text): return .string(replace(text, secrets: secrets, missing: &missing))
            case .array(let elements): return .array(elements.map(walk))
            case .object(let members): return .object(members.mapValues(walk))
            default: return value
            }
        }
        let resolved = walk(value)
        return (resolved, missing)
    }

    private static func replace(_ text: String, secrets: [String: String], missing: inout [String]) -> String {
        guard text.contains("$") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "$" else {
                result.append(text[index])
                index = text.index(after: index)
                continue
            }
            let nameStart = text.index(after: index)
            let nameEnd = text[nameStart...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } ?? text.endIndex
            let name = String(text[nameStart..<nameEnd])
            if name.isEmpty {
                result.append("$")
            } else if let secret = secrets[name] {
                result += secret
            } else {
                missing.append(name)
                result += "$" + name
            }
            index = nameEnd
        }
        return result
    }
}
