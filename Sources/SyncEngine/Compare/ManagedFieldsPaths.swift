public import KubeModel

/// The fields some field managers own in an object, read from its `metadata.managedFields`
/// (`ignoreDifferences[].managedFieldsManagers`).
///
/// Server-side field management records ownership as a `fieldsV1` tree whose keys are steps:
/// `f:<name>` a member of an object, `k:<json>` the list element whose merge-key fields have those
/// values, `v:<json>` the set element equal to that value, `i:<n>` the element at an index; `.` marks
/// a node owned as a whole. Only leaves (nodes with nothing below them but `.`) are kept: a manager
/// that created a list element or a map also owns its `.`, and ignoring the whole element would hide
/// the fields other managers own inside it.
public struct ManagedFieldsPaths: Sendable, Equatable {
    /// One step of a `fieldsV1` path.
    public enum Step: Sendable, Equatable {
        /// `f:<name>`: an object member.
        case field(String)
        /// `k:<json>`: the list elements whose fields have these values.
        case key([String: JSONValue])
        /// `v:<json>`: the set elements equal to this value.
        case value(JSONValue)
        /// `i:<n>`: the list element at this index.
        case index(Int)
    }

    /// Every owned leaf, as its steps from the object's root.
    public var leaves: [[Step]]

    /// Reads one `fieldsV1` tree.
    ///
    /// Keys that do not parse are skipped with everything below them, so a malformed entry can make a
    /// difference show but never hides one.
    public init(fieldsV1: JSONValue) {
        leaves = Self.leaves(of: fieldsV1)
    }

    /// What `managers` own in `object`: every `managedFields` entry (any operation or subresource) whose
    /// manager is one of them by exact name, as Argo CD matches them.
    public init(ownedBy managers: [String], in object: JSONValue) {
        let entries = object[path: ["metadata", "managedFields"]]?.arrayValue ?? []
        leaves = entries.flatMap { entry -> [[Step]] in
            guard let manager = entry["manager"]?.stringValue, managers.contains(manager), let fields = entry["fieldsV1"] else { return [] }
            return Self.leaves(of: fields)
        }
    }

    /// Whether nothing is owned.
    public var isEmpty: Bool { leaves.isEmpty }

    /// The owned fields present in `object`, as concrete paths. Keyed and set steps are looked up in
    /// `object` itself, so the same element is found in the desired and the live object even where
    /// it sits at different indices.
    public func paths(in object: JSONValue) -> [[JQPathExpression.PathComponent]] {
        leaves.flatMap { Self.resolve($0[...], in: object) }
    }

    private static func leaves(of node: JSONValue) -> [[Step]] {
        var result: [[Step]] = []
        for (key, child) in node.objectValue ?? [:] where key != "." {
            guard let step = step(key) else { continue }
            let isLeaf = (child.objectValue ?? [:]).keys.allSatisfy { $0 == "." }
            result += isLeaf ? [[step]] : leaves(of: child).map { [step] + $0 }
        }
        return result
    }

    private static func step(_ key: String) -> Step? {
        let body = String(key.dropFirst(2))
        switch key.prefix(2) {
        case "f:":
            return .field(body)
        case "k:":
            guard let fields = (try? JSONParser.parse(body))?.objectValue else { return nil }
            return .key(Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.value) }))
        case "v:":
            return (try? JSONParser.parse(body)).map(Step.value)
        case "i:":
            return Int(body).map(Step.index)
        default:
            return nil
        }
    }

    private static func resolve(_ steps: ArraySlice<Step>, in value: JSONValue) -> [[JQPathExpression.PathComponent]] {
        guard let step = steps.first else { return [[]] }
        let matches: [(JQPathExpression.PathComponent, JSONValue)]
        switch (step, value) {
        case (.field(let name), .object(let members)):
            matches = members[name].map { [(.key(name), $0)] } ?? []
        case (.key(let fields), .array(let elements)):
            let keyed = elements.indices.filter { index in fields.allSatisfy { elements[index][$0.key] == $0.value } }
            matches = keyed.map { (.index($0), elements[$0]) }
        case (.value(let wanted), .array(let elements)):
            matches = elements.indices.filter { elements[$0] == wanted }.map { (.index($0), elements[$0]) }
        case (.index(let index), .array(let elements)) where elements.indices.contains(index):
            matches = [(.index(index), elements[index])]
        default:
            matches = []
        }
        return matches.flatMap { component, child in resolve(steps.dropFirst(), in: child).map { [component] + $0 } }
    }
}
