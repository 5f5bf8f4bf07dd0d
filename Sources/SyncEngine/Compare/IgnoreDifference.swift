public import KubeDiff
public import KubeModel

/// One `ignoreDifferences` entry (per application, or system-wide from `argocd-cm`): the fields of
/// matching resources that do not count when comparing.
///
/// Fields are named by JSON pointers, by jq path expressions, or by the field managers that own them
/// in the live object. The last need the live object's `managedFields` on both sides of a comparison,
/// so they take effect only in an entry ``bound(toLive:)`` to that object.
public struct IgnoreDifference: Sendable, Normalizer {
    /// The API group of matching resources; `*` for any.
    public var group: String
    /// The kind of matching resources; `*` for any.
    public var kind: String
    /// The name of matching resources; nil for any.
    public var name: String?
    /// The namespace of matching resources; nil for any.
    public var namespace: String?
    /// Fields named by RFC 6901 pointers.
    public var jsonPointers: [JSONPointer]
    /// Fields named by jq path expressions.
    public var jqPathExpressions: [JQPathExpression]
    /// Field managers (`kube-controller-manager`, `rollouts-controller`, ...) whose fields in the live
    /// object do not count.
    public var managedFieldsManagers: [String]
    /// Pointers and expressions that could not be read, one message each naming the entry, the field
    /// and the problem; they are left out, so the fields they name still count.
    public var problems: [String]
    /// What `managedFieldsManagers` own in the live object this entry is bound to.
    private var ownedFields: ManagedFieldsPaths?

    /// Reads an entry; pointers and expressions that do not parse are left out and reported in ``problems``.
    public init(_ value: JSONValue) {
        group = value["group"]?.stringValue ?? ""
        kind = value["kind"]?.stringValue ?? ""
        name = value["name"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        namespace = value["namespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let entry = "ignoreDifferences[" + ([group, kind, name ?? ""].filter { !$0.isEmpty }.joined(separator: "/")) + "]"
        var problems: [String] = []
        jsonPointers = []
        for (index, text) in (value["jsonPointers"]?.arrayValue ?? []).compactMap(\.stringValue).enumerated() {
            do {
                jsonPointers.append(try JSONPointer(parsing: text))
            } catch {
                problems.append("\(entry).jsonPointers[\(index)]: \(error)")
            }
        }
        jqPathExpressions = []
        for (index, text) in (value["jqPathExpressions"]?.arrayValue ?? []).compactMap(\.stringValue).enumerated() {
            do {
                jqPathExpressions.append(try JQPathExpression(parsing: text))
            } catch {
                problems.append("\(entry).jqPathExpressions[\(index)]: \(error)")
            }
        }
        managedFieldsManagers = (value["managedFieldsManagers"]?.arrayValue ?? []).compactMap(\.stringValue)
        self.problems = problems
    }

    /// Whether the entry applies to `object` (`*` matches any group or kind).
    public func matches(_ object: JSONValue) -> Bool {
        let apiVersion = object["apiVersion"]?.stringValue ?? ""
        let objectGroup = apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
        guard group == "*" || group == objectGroup, kind == "*" || kind == object["kind"]?.stringValue else { return false }
        if let name, name != object[path: ["metadata", "name"]]?.stringValue { return false }
        if let namespace, namespace != object[path: ["metadata", "namespace"]]?.stringValue { return false }
        return true
    }

    /// This entry for comparing one resource: the fields `managedFieldsManagers` own in `live` are
    /// ignored on whichever side it normalises. The desired object has no managed fields of its own,
    /// and normalisers see one object at a time, hence the binding.
    public func bound(toLive live: JSONValue) -> IgnoreDifference {
        guard !managedFieldsManagers.isEmpty, matches(live) else { return self }
        var bound = self
        bound.ownedFields = ManagedFieldsPaths(ownedBy: managedFieldsManagers, in: live)
        return bound
    }

    /// Removes the ignored fields. Pointers apply one after another, as upstream applies each as its
    /// own patch; each expression's paths, and the owned fields, go at once, as jq's `delpaths` does.
    public func normalize(_ object: inout JSONValue) {
        guard matches(object) else { return }
        for pointer in jsonPointers {
            if let path = Self.path(of: pointer, in: object) { Self.delete([path], from: &object) }
        }
        for expression in jqPathExpressions {
            Self.delete(expression.paths(in: object), from: &object)
        }
        if let ownedFields {
            Self.delete(ownedFields.paths(in: object), from: &object)
        }
    }

    /// `desired` with the fields this entry ignores as they are in `live` (left out where `live` has
    /// none): what `RespectIgnoreDifferences=true` applies, so that a sync never overwrites fields
    /// that do not count.
    public func keepingLiveValues(of live: JSONValue, in desired: JSONValue) -> JSONValue {
        let rule = bound(toLive: live)
        guard rule.matches(desired), rule.matches(live) else { return desired }
        var result = desired
        rule.normalize(&result)
        var paths: [[JQPathExpression.PathComponent]] = jsonPointers.compactMap { Self.path(of: $0, in: live) }
        for expression in jqPathExpressions { paths += expression.paths(in: live) }
        if let owned = rule.ownedFields { paths += owned.paths(in: live) }
        for path in Set(paths).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            if let value = Self.value(at: path[...], in: live) { Self.set(value, at: path[...], in: &result) }
        }
        return result
    }

    private static func value(at path: ArraySlice<JQPathExpression.PathComponent>, in value: JSONValue) -> JSONValue? {
        guard let first = path.first else { return value }
        switch (first, value) {
        case (.key(let key), .object(let members)): return members[key].flatMap { Self.value(at: path.dropFirst(), in: $0) }
        case (.index(let index), .array(let elements)) where elements.indices.contains(index): return Self.value(at: path.dropFirst(), in: elements[index])
        default: return nil
        }
    }

    /// Sets the value at `path`, creating objects on the way; array elements are set only where they
    /// exist or right after the last (an index further out has nothing to attach to).
    private static func set(_ new: JSONValue, at path: ArraySlice<JQPathExpression.PathComponent>, in value: inout JSONValue) {
        guard let first = path.first else {
            value = new
            return
        }
        switch first {
        case .key(let key):
            var members = value.objectValue ?? [:]
            var child = members[key] ?? .emptyObject
            set(new, at: path.dropFirst(), in: &child)
            members[key] = child
            value = .object(members)
        case .index(let index):
            guard case .array(var elements) = value, index >= 0, index <= elements.count else { return }
            if index == elements.count {
                var child = JSONValue.emptyObject
                set(new, at: path.dropFirst(), in: &child)
                elements.append(child)
            } else {
                set(new, at: path.dropFirst(), in: &elements[index])
            }
            value = .array(elements)
        }
    }

    /// Where `pointer` leads in `document`, or nil when it leads nowhere. The empty pointer (the whole
    /// object) leads nowhere too: it names no field, and upstream's patch cannot remove the root.
    private static func path(of pointer: JSONPointer, in document: JSONValue) -> [JQPathExpression.PathComponent]? {
        guard !pointer.tokens.isEmpty else { return nil }
        var current = document
        var path: [JQPathExpression.PathComponent] = []
        for token in pointer.tokens {
            if case .array(let elements) = current {
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                path.append(.index(index))
                current = elements[index]
            } else {
                guard let member = current[token] else { return nil }
                path.append(.key(token))
                current = member
            }
        }
        return path
    }

    /// jq's `delpaths`: the last path first, so that removing an array element does not shift the
    /// elements later paths point at, and a path's children before the path itself.
    private static func delete(_ paths: [[JQPathExpression.PathComponent]], from object: inout JSONValue) {
        for path in Set(paths).sorted(by: { $0.lexicographicallyPrecedes($1) }).reversed() {
            remove(path[...], from: &object)
        }
    }

    /// Removes one path; a path that leads nowhere changes nothing, and the empty path leaves null, as `del(.)` does.
    private static func remove(_ path: ArraySlice<JQPathExpression.PathComponent>, from value: inout JSONValue) {
        guard let first = path.first else {
            value = .null
            return
        }
        switch (first, value) {
        case (.key(let key), .object(var members)):
            if path.count == 1 {
                members[key] = nil
            } else if var child = members[key] {
                remove(path.dropFirst(), from: &child)
                members[key] = child
            }
            value = .object(members)
        case (.index(let index), .array(var elements)) where elements.indices.contains(index):
            if path.count == 1 {
                elements.remove(at: index)
            } else {
                remove(path.dropFirst(), from: &elements[index])
            }
            value = .array(elements)
        default:
            return
        }
    }
}
