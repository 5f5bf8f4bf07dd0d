/// A position in a ``PatchSchema``: the type of one value, walked from a kind by field name.
public struct PatchSchemaType: Sendable {
    /// What kind of JSON value the type describes.
    public enum Kind: Sendable, Equatable {
        /// A string, number or boolean (including quantities, times and int-or-string values).
        case scalar
        /// An object with named fields (a definition such as `core.v1.PodSpec`).
        case object
        /// A list; ``PatchSchemaType/elementType`` is the element type.
        case list
        /// A map from arbitrary keys to values of ``PatchSchemaType/elementType`` (labels, ConfigMap data).
        case map
        /// Any JSON the schema does not describe (embedded raw objects, CRD schema defaults).
        case untyped
    }

    let shape: PatchSchemaShape
    let catalog: PatchSchemaCatalog

    /// What kind of JSON value this is.
    public var kind: Kind {
        switch shape {
        case .scalar: .scalar
        case .object(let name): catalog.definitions[name]?.untyped == true ? .untyped : .object
        case .list: .list
        case .map: .map
        }
    }

    /// The definition name of an object or untyped value, such as `core.v1.Container`; nil for other kinds.
    public var definitionName: String? {
        if case .object(let name) = shape { return name }
        return nil
    }

    /// The JSON type of a scalar (`string`, `integer`, `number`, `boolean`, `int-or-string`); nil for
    /// other kinds or when the schema does not say.
    public var scalarType: String? {
        if case .scalar(let type) = shape, !type.isEmpty { return type }
        return nil
    }

    /// The declared field names of an object type, sorted; empty for other kinds.
    public var fieldNames: [String] {
        guard case .object(let name) = shape else { return [] }
        return (catalog.definitions[name]?.fields.keys).map { $0.sorted() } ?? []
    }

    /// The element type of a list or the value type of a map; nil for objects and scalars.
    public var elementType: PatchSchemaType? {
        switch shape {
        case .list(let element), .map(let element): PatchSchemaType(shape: element, catalog: catalog)
        case .scalar, .object: nil
        }
    }

    /// The object's `x-kubernetes-map-type` (`atomic` or `granular`), when the definition declares one.
    public var mapType: String? {
        definitionName.flatMap { catalog.definitions[$0]?.mapType }
    }

    /// The field called `name`: for an object, its declared field (nil when the schema does not list
    /// it or it is a plain scalar); for a map, the value type under any key; nil for lists and scalars.
    public func field(_ name: String) -> PatchSchemaField? {
        switch shape {
        case .object(let definition):
            guard let record = catalog.definitions[definition]?.fields[name] else { return nil }
            return PatchSchemaField(record: record, catalog: catalog)
        case .map(let value):
            return PatchSchemaField(valueOfMap: PatchSchemaType(shape: value, catalog: catalog))
        case .scalar, .list:
            return nil
        }
    }
}
