/// A Go slice: its elements and the element type that decides its type name (`[]interface {}`,
/// `[]string`, `[]int`).
///
/// Slices are values here: no template function mutates a slice in place, so copy-on-write arrays give
/// Go's observable behaviour without sharing.
public struct GoList: Sendable {
    /// The elements in order.
    public var elements: [GoValue]
    /// The static type of the elements; `interface {}` for lists built from values or by `list`.
    public var elementType: GoType

    /// Creates a list of the given element type.
    public init(_ elements: [GoValue], elementType: GoType = .interface) {
        self.elements = elements
        self.elementType = elementType
    }

    /// A `[]string` holding the given strings.
    public static func strings(_ strings: [String]) -> GoList {
        GoList(strings.map { .string($0) }, elementType: .string)
    }

    /// The Go type of the slice.
    public var goType: GoType { GoType(name: "[]" + elementType.name, kind: .slice) }

    /// The number of elements.
    public var count: Int { elements.count }
}
