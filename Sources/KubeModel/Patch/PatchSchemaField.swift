/// One field of an object type, or the value slot of a map, with the markers that steer patching.
public struct PatchSchemaField: Sendable {
    /// The field's type.
    public let type: PatchSchemaType
    /// `x-kubernetes-patch-strategy` split at commas: `merge`, `retainKeys`, `replace`; empty when none.
    public let patchStrategies: [String]
    /// `x-kubernetes-patch-merge-key`: the element field that identifies list elements when merging.
    public let patchMergeKey: String?
    /// `x-kubernetes-list-type` for server-side apply: `atomic`, `set` or `map`.
    public let listType: String?
    /// `x-kubernetes-list-map-keys` for server-side apply: the fields that identify an element of a map list.
    public let listMapKeys: [String]
    /// `x-kubernetes-map-type` declared on the field: `atomic` or `granular`.
    public let mapType: String?

    init(record: PatchSchemaCatalog.FieldRecord, catalog: PatchSchemaCatalog) {
        self.type = PatchSchemaType(shape: record.shape, catalog: catalog)
        self.patchStrategies = record.patchStrategies
        self.patchMergeKey = record.patchMergeKey
        self.listType = record.listType
        self.listMapKeys = record.listMapKeys
        self.mapType = record.mapType
    }

    init(valueOfMap type: PatchSchemaType) {
        self.type = type
        self.patchStrategies = []
        self.patchMergeKey = nil
        self.listType = nil
        self.listMapKeys = []
        self.mapType = nil
    }

    /// Whether a strategic merge patch merges this list element by element instead of replacing it.
    public var mergesList: Bool { patchStrategies.contains("merge") }

    /// Whether a patch of this field may carry `$retainKeys`, clearing the keys it does not list.
    public var retainsKeys: Bool { patchStrategies.contains("retainKeys") }

    /// Whether a strategic merge patch replaces this object whole instead of merging it.
    public var replacesObject: Bool { patchStrategies.contains("replace") }
}
