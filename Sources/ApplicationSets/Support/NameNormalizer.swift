/// Upstream's name sanitising (`nameNormalized`, `path.basenameNormalized`, the `normalize` template
/// function): lower case, every character outside `a-z0-9.-` replaced by `-`, at most 253 characters,
/// no leading or trailing `-` or `.`.
enum NameNormalizer {
    static func normalize(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            let valid = character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == ".")
            result.append(valid ? character : "-")
        }
        let trimmed = String(result.prefix(253))
        let invalidEnds: Set<Character> = ["-", "."]
        return String(trimmed.drop(while: { invalidEnds.contains($0) }).reversed().drop(while: { invalidEnds.contains($0) }).reversed())
    }

    /// Whether `name` is a valid DNS-1123 subdomain, which Application names must be.
    static func isDNSSubdomain(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 253 else { return false }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard let first = label.first, let last = label.last else { return false }
            guard first.isLowercaseAlphanumeric, last.isLowercaseAlphanumeric else { return false }
            guard label.allSatisfy({ $0.isLowercaseAlphanumeric || $0 == "-" }) else { return false }
        }
        return true
    }
}

extension Character {
    fileprivate var isLowercaseAlphanumeric: Bool {
        isASCII && (("a"..."z").contains(self) || ("0"..."9").contains(self))
    }
}
