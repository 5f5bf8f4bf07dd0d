/// The parsed definitions of a ``PatchSchema``, shared by every ``PatchSchemaType`` walked from it.
///
/// Definitions refer to each other by name (the graph has cycles, such as CRD schemas containing
/// schemas), so types carry the catalog and resolve names as they walk.
final class PatchSchemaCatalog: Sendable {
    struct FieldRecord: Sendable {
        let shape: PatchSchemaShape
        let patchStrategies: [String]
        let patchMergeKey: String?
        let listType: String?
        let listMapKeys: [String]
        let mapType: String?
    }

    struct Definition: Sendable {
        let fields: [String: FieldRecord]
        let mapType: String?
        /// The schema does not describe the value (embedded raw JSON such as CRD defaults).
        let untyped: Bool
    }

    let definitions: [String: Definition]

    init(definitions: [String: Definition]) {
        self.definitions = definitions
    }
}
