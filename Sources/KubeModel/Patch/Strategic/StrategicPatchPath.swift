/// Where in a document a strategic merge patch is working, such as
/// `spec.template.spec.containers[name=web].env`. Built as the merge descends and rendered only
/// when an error needs it, so that patching a large object does not build strings for every field.
indirect enum StrategicPatchPath: Sendable, CustomStringConvertible {
    case root
    case field(String, parent: StrategicPatchPath)
    case element(mergeKey: String, value: JSONValue, parent: StrategicPatchPath)
    case index(Int, parent: StrategicPatchPath)

    func appending(_ field: String) -> StrategicPatchPath {
        .field(field, parent: self)
    }

    func appending(mergeKey: String, value: JSONValue) -> StrategicPatchPath {
        .element(mergeKey: mergeKey, value: value, parent: self)
    }

    func appending(index: Int) -> StrategicPatchPath {
        .index(index, parent: self)
    }

    var description: String {
        switch self {
        case .root:
            return ""
        case .field(let name, let parent):
            let prefix = parent.description
            // Keys such as `app.kubernetes.io/name` would read as several steps; quote them.
            if name.isEmpty || name.contains(where: { $0 == "." || $0 == "[" || $0 == "]" }) {
                return "\(prefix)[\"\(name)\"]"
            }
            return prefix.isEmpty ? name : "\(prefix).\(name)"
        case .element(let mergeKey, let value, let parent):
            let text = value.stringValue ?? JSONWriter.string(value)
            return "\(parent.description)[\(mergeKey)=\(text)]"
        case .index(let position, let parent):
            return "\(parent.description)[\(position)]"
        }
    }
}
