/// A Kubernetes object in unstructured form: a JSON object with `apiVersion`, `kind` and `metadata`.
///
/// Every field, known or not, lives in ``content`` and survives reading and writing; the accessors
/// are views onto it, so nothing a user wrote is ever dropped.
public struct KubeObject: Sendable, Hashable {
    /// The whole object.
    public private(set) var content: JSONValue

    /// Wraps a JSON object.
    /// - Throws: ``DocumentError`` when `content` is not an object, or lacks `apiVersion` or `kind`.
    public init(_ content: JSONValue) throws(DocumentError) {
        guard content.objectValue != nil else {
            throw DocumentError(message: "a Kubernetes object must be a mapping, found \(content.typeName)")
        }
        guard let apiVersion = content["apiVersion"]?.stringValue, !apiVersion.isEmpty else {
            throw DocumentError(message: "object has no apiVersion; set apiVersion (for example apps/v1)")
        }
        guard let kind = content["kind"]?.stringValue, !kind.isEmpty else {
            throw DocumentError(message: "object has no kind; set kind (for example Deployment)")
        }
        self.content = content
    }

    /// Creates an object with the given identity and empty metadata otherwise.
    public init(apiVersion: String, kind: String, name: String, namespace: String? = nil) {
        var metadata: JSONObject = ["name": .string(name)]
        if let namespace { metadata["namespace"] = .string(namespace) }
        content = ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": .object(metadata)]
    }

    /// A field by key path, such as `["spec", "replicas"]`.
    public subscript(path path: String...) -> JSONValue? {
        get { content[path: path] }
        set { content[path: path] = newValue }
    }

    /// A top-level field.
    public subscript(key: String) -> JSONValue? {
        get { content[key] }
        set { content[key] = newValue }
    }

    // MARK: - Type

    /// `apiVersion`.
    public var apiVersion: String { content["apiVersion"]?.stringValue ?? "" }
    /// `kind`.
    public var kind: String { content["kind"]?.stringValue ?? "" }
    /// The group, version and kind.
    public var groupVersionKind: GroupVersionKind { GroupVersionKind(apiVersion: apiVersion, kind: kind) }
    /// The identity of this object across versions.
    public var key: ResourceKey {
        ResourceKey(group: groupVersionKind.group, kind: kind, namespace: namespace ?? "", name: name)
    }

    // MARK: - ObjectMeta

    /// `metadata.name`.
    public var name: String {
        get { metadataString("name") ?? "" }
        set { setMetadata("name", .string(newValue)) }
    }

    /// `metadata.namespace`; nil when absent.
    public var namespace: String? {
        get { metadataString("namespace") }
        set { setMetadata("namespace", newValue.map(JSONValue.string)) }
    }

    /// `metadata.generateName`.
    public var generateName: String? {
        get { metadataString("generateName") }
        set { setMetadata("generateName", newValue.map(JSONValue.string)) }
    }

    /// `metadata.uid`.
    public var uid: String? {
        get { metadataString("uid") }
        set { setMetadata("uid", newValue.map(JSONValue.string)) }
    }

    /// `metadata.resourceVersion`.
    public var resourceVersion: String? {
        get { metadataString("resourceVersion") }
        set { setMetadata("resourceVersion", newValue.map(JSONValue.string)) }
    }

    /// `metadata.generation`.
    public var generation: Int64? {
        get { content[path: ["metadata", "generation"]]?.int64Value }
        set { setMetadata("generation", newValue.map { .number(JSONNumber($0)) }) }
    }

    /// `metadata.creationTimestamp` as written (RFC 3339).
    public var creationTimestamp: String? {
        get { metadataString("creationTimestamp") }
        set { setMetadata("creationTimestamp", newValue.map(JSONValue.string)) }
    }

    /// `metadata.deletionTimestamp` as written (RFC 3339); set once deletion has begun.
    public var deletionTimestamp: String? {
        get { metadataString("deletionTimestamp") }
        set { setMetadata("deletionTimestamp", newValue.map(JSONValue.string)) }
    }

    /// Whether deletion has begun (finalizers may still hold the object).
    public var isBeingDeleted: Bool { deletionTimestamp != nil }

    /// `metadata.labels`.
    public var labels: [String: String] {
        get { content.stringMap(at: ["metadata", "labels"]) }
        set { setStringMap("labels", newValue) }
    }

    /// `metadata.annotations`.
    public var annotations: [String: String] {
        get { content.stringMap(at: ["metadata", "annotations"]) }
        set { setStringMap("annotations", newValue) }
    }

    /// One label, read or written without touching the others' order.
    public func label(_ key: String) -> String? { content[path: ["metadata", "labels", key]]?.stringValue }

    /// Sets or (with nil) removes one label.
    public mutating func setLabel(_ key: String, _ value: String?) {
        content[path: ["metadata", "labels", key]] = value.map(JSONValue.string)
    }

    /// One annotation.
    public func annotation(_ key: String) -> String? { content[path: ["metadata", "annotations", key]]?.stringValue }

    /// Sets or (with nil) removes one annotation.
    public mutating func setAnnotation(_ key: String, _ value: String?) {
        content[path: ["metadata", "annotations", key]] = value.map(JSONValue.string)
    }

    /// `metadata.finalizers`.
    public var finalizers: [String] {
        get { content[path: ["metadata", "finalizers"]]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        set { setMetadata("finalizers", newValue.isEmpty ? nil : .array(newValue.map(JSONValue.string))) }
    }

    /// `metadata.ownerReferences`.
    public var ownerReferences: [OwnerReference] {
        get { content[path: ["metadata", "ownerReferences"]]?.arrayValue?.compactMap(OwnerReference.init(json:)) ?? [] }
        set { setMetadata("ownerReferences", newValue.isEmpty ? nil : .array(newValue.map(\.json))) }
    }

    /// The owner reference marked `controller: true`, if any.
    public var controllerReference: OwnerReference? { ownerReferences.first(where: \.controller) }

    private func metadataString(_ key: String) -> String? {
        content[path: ["metadata", key]]?.stringValue
    }

    private mutating func setMetadata(_ key: String, _ value: JSONValue?) {
        content[path: ["metadata", key]] = value
    }

    private mutating func setStringMap(_ key: String, _ map: [String: String]) {
        guard !map.isEmpty else {
            setMetadata(key, nil)
            return
        }
        // Keep existing keys where they were and add new ones in sorted order, so output is stable.
        var members = content[path: ["metadata", key]]?.objectValue ?? [:]
        members.removeAll(where: { map[$0.key] == nil })
        for name in map.keys.sorted() { members[name] = .string(map[name]!) }
        setMetadata(key, .object(members))
    }
}
