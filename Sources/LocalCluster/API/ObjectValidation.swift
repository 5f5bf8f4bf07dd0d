public import KubeModel

/// The checks every object passes before it is stored: names, labels, annotations and the type fields.
/// Failures become 422 Invalid with one cause per wrong field, so a user sees every problem at once.
enum ObjectValidation {
    static func validate(_ object: JSONValue, info: ResourceInfo) throws(APIError) {
        var causes: [APIError.Cause] = []
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        if name.isEmpty {
            causes.append(.init(type: "FieldValueRequired", message: "name or generateName is required", field: "metadata.name"))
        } else if let problem = nameProblem(name, info: info) {
            causes.append(.init(type: "FieldValueInvalid", message: "Invalid value: \"\(name)\": \(problem)", field: "metadata.name"))
        }
        if let labels = object[path: ["metadata", "labels"]] {
            guard let members = labels.objectValue else {
                throw APIError.badRequest("metadata.labels must be a map of strings, found \(labels.typeName)")
            }
            for (key, value) in members {
                guard let text = value.stringValue else {
                    causes.append(.init(type: "FieldValueInvalid", message: "label values must be strings", field: "metadata.labels.\(key)"))
                    continue
                }
                if let problem = qualifiedNameProblem(key) {
                    causes.append(.init(type: "FieldValueInvalid", message: "Invalid value: \"\(key)\": \(problem)", field: "metadata.labels"))
                }
                if !text.isEmpty && (text.count > 63 || !isLabelValue(text)) {
                    causes.append(.init(
                        type: "FieldValueInvalid",
                        message: "Invalid value: \"\(text)\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                        field: "metadata.labels"))
                }
            }
        }
        if let annotations = object[path: ["metadata", "annotations"]], let members = annotations.objectValue {
            for (key, value) in members where value.stringValue == nil {
                causes.append(.init(type: "FieldValueInvalid", message: "annotation values must be strings", field: "metadata.annotations.\(key)"))
            }
        }
        if !causes.isEmpty { throw APIError.invalid(info, name: name, causes: causes) }
    }

    /// Namespaces, Services and most names are DNS labels or subdomains; upstream checks per kind.
    private static func nameProblem(_ name: String, info: ResourceInfo) -> String? {
        let dnsLabelKinds: Set<String> = ["Namespace", "Service"]
        if dnsLabelKinds.contains(info.kind) && info.group.isEmpty {
            return isDNSLabel(name) ? nil
                : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
        }
        if info.group == "rbac.authorization.k8s.io" {
            return name.contains("/") || name.contains("%") || name == "." || name == ".." ? "may not contain '/' or '%'" : nil
        }
        return isDNSSubdomain(name) ? nil
            : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
    }

    static func isDNSLabel(_ text: String) -> Bool {
        guard (1...63).contains(text.utf8.count), let first = text.utf8.first, let last = text.utf8.last,
            isLowerAlphanumeric(first), isLowerAlphanumeric(last)
        else { return false }
        return text.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    static func isDNSSubdomain(_ text: String) -> Bool {
        guard (1...253).contains(text.utf8.count) else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isDNSLabel(String($0)) }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isLabelValue(_ text: String) -> Bool {
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
        }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, isAlphanumeric(first), isAlphanumeric(last)
        else { return false }
        return text.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// Label keys: an optional DNS-subdomain prefix and a name of at most 63 characters.
    private static func qualifiedNameProblem(_ key: String) -> String? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let name = parts.last, !name.isEmpty, name.count <= 63, isLabelValue(String(name)) else {
            return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
        }
        if parts.count == 2 && !isDNSSubdomain(String(parts[0])) { return "prefix part must be a lowercase RFC 1123 subdomain" }
        return nil
    }
}
