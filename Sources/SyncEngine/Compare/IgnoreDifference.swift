import Foundation
public import KubeDiff
public import KubeModel

/// One `ignoreDifferences` entry (per application, or system-wide from `argocd-cm`): the fields of
/// matching resources that do not count when comparing.
public struct IgnoreDifference: Sendable, Normalizer {
    public var group: String
    public var kind: String
    public var name: String?
    public var namespace: String?
    public var jsonPointers: [JSONPointer]

    /// Reads an entry; pointers that do not parse are left out.
    public init(_ value: JSONValue) {
        group = value["group"]?.stringValue ?? ""
        kind = value["kind"]?.stringValue ?? ""
        name = value["name"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        namespace = value["namespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        jsonPointers = (value["jsonPointers"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap { try? JSONPointer(parsing: $0) } }
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

    public func normalize(_ object: inout JSONValue) {
        guard matches(object) else { return }
        for pointer in jsonPointers { Self.remove(pointer.tokens[...], from: &object) }
    }

    private static func remove(_ tokens: ArraySlice<String>, from value: inout JSONValue) {
        guard let first = tokens.first else { return }
        switch value {
        case .object(var members):
            if tokens.count == 1 {
                members[first] = nil
            } else if var child = members[first] {
                remove(tokens.dropFirst(), from: &child)
                members[first] = child
            }
            value = .object(members)
        case .array(var elements):
            guard let index = Int(first), elements.indices.contains(index) else { return }
            if tokens.count == 1 {
                elements.remove(at: index)
            } else {
                remove(tokens.dropFirst(), from: &elements[index])
            }
            value = .array(elements)
        default:
            return
        }
    }
}
