import Foundation
import KubeModel

/// Upstream's `fields` query parameter: dotted paths (`items.metadata.name`,
/// `items.status.sync.status`) naming the parts of an answer to keep; everything else is left out.
/// Arrays pass the mask on to each element, so `items.metadata.name` keeps every item's name. A
/// dashboard listing thousands of applications asks for a few fields of each instead of whole objects.
struct FieldMask: Sendable, Hashable {
    /// Selected keys and what to keep under each; an empty table keeps the whole value.
    private var children: [String: FieldMask]
    /// A text that identifies the mask, for caches keyed by it; worked out once, when the mask is
    /// complete, because a list asks for it once per object.
    private(set) var key = ""

    /// The mask in `text` (comma-separated paths); nil when there is none, meaning "everything".
    init?(_ text: String?) {
        let paths = (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !paths.isEmpty else { return nil }
        var root = FieldMask(children: [:])
        for path in paths { root.insert(path.split(separator: ".").map(String.init)[...]) }
        root.assignKeys()
        self = root
    }

    private init(children: [String: FieldMask]) { self.children = children }

    /// Adds a path; a shorter path selecting a whole subtree wins over longer ones inside it.
    private mutating func insert(_ keys: ArraySlice<String>) {
        guard let first = keys.first else { return }
        let rest = keys.dropFirst()
        guard !rest.isEmpty else {
            children[first] = FieldMask(children: [:])
            return
        }
        if let existing = children[first], existing.children.isEmpty { return }
        // Inserting a non-empty rest always selects something inside, so the child is never "whole".
        var child = children[first] ?? FieldMask(children: [:])
        child.insert(rest)
        children[first] = child
    }

    /// Sets `key` here and below, children first.
    private mutating func assignKeys() {
        for name in children.keys { children[name]?.assignKeys() }
        key = children.keys.sorted().map { name in
            let inner = children[name]!.key
            return inner.isEmpty ? name : "\(name)(\(inner))"
        }.joined(separator: ",")
    }

    /// The mask for the value under `key`; nil when `key` is not selected at all.
    func under(_ key: String) -> FieldMask? {
        guard !children.isEmpty else { return self }
        return children[key]
    }

    /// `value` with only the selected parts.
    func apply(to value: JSONValue) -> JSONValue {
        guard !children.isEmpty else { return value }
        if let members = value.objectValue {
            var kept = JSONObject()
            for (name, member) in members {
                if let mask = children[name] { kept[name] = mask.apply(to: member) }
            }
            return .object(kept)
        }
        if let elements = value.arrayValue { return .array(elements.map(apply(to:))) }
        return value
    }
}
