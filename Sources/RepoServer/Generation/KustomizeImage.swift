import KubeModel

/// One `kustomize.images` override, parsed as `kustomize edit set image` reads it:
/// `name=newName[:tag][@digest]`, or `name[:tag][@digest]`.
struct KustomizeImage {
    var name: String
    var newName: String?
    var newTag: String?
    var digest: String?

    init(_ text: String, field: String) throws(SourceError) {
        let (left, right) = text.firstIndex(of: "=").map { (String(text[..<$0]), String(text[text.index(after: $0)...])) } ?? (text, nil)
        if let right {
            let reference = Self.split(right)
            name = left
            newName = reference.name.isEmpty ? nil : reference.name
            newTag = reference.tag
            digest = reference.digest
        } else {
            let reference = Self.split(left)
            name = reference.name
            newTag = reference.tag
            digest = reference.digest
        }
        if name.isEmpty { throw SourceError("\(field): \"\(text)\" names no image; write name=newName:tag, name:tag or name@digest") }
    }

    /// Sets this override on the kustomization's `images` list, updating an entry for the same name.
    func apply(to images: inout [JSONValue]) {
        var entry: JSONValue = ["name": .string(name)]
        let index = images.firstIndex { $0["name"]?.stringValue == name }
        if let index { entry = images[index] }
        if let newName { entry["newName"] = .string(newName) }
        if let newTag {
            entry["newTag"] = .string(newTag)
            entry["digest"] = nil
        }
        if let digest {
            entry["digest"] = .string(digest)
            entry["newTag"] = nil
        }
        if let index { images[index] = entry } else { images.append(entry) }
    }

    /// An image reference split into name, tag and digest; a colon before the last `/` belongs to a
    /// registry port, not a tag.
    private static func split(_ reference: String) -> (name: String, tag: String?, digest: String?) {
        var rest = Substring(reference)
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        let lastSlash = rest.lastIndex(of: "/") ?? rest.startIndex
        if let colon = rest[lastSlash...].lastIndex(of: ":") {
            return (String(rest[..<colon]), String(rest[rest.index(after: colon)...]), digest)
        }
        return (String(rest), nil, digest)
    }
}
