public import KubeModel

/// A custom resource's `additionalPrinterColumns` entry: what `kubectl get` shows beside the name.
public struct PrinterColumn: Sendable, Hashable {
    /// The header.
    public var name: String
    /// The OpenAPI type (`string`, `integer`, `date`, ...).
    public var type: String
    /// 0 shows it always; more only with `-o wide`.
    public var priority: Int
    /// A simple JSONPath such as `.status.sync.status`.
    public var jsonPath: String

    /// Reads an entry; nil when it lacks a name or a path.
    public init?(_ value: JSONValue) {
        guard let name = value["name"]?.stringValue, let jsonPath = value["jsonPath"]?.stringValue else { return nil }
        self.name = name
        type = value["type"]?.stringValue ?? "string"
        priority = Int(value["priority"]?.int64Value ?? 0)
        self.jsonPath = jsonPath
    }

    /// The cell for `object`: the value at the path (dotted fields; `[n]` indexes), or empty.
    public func cell(_ object: JSONValue) -> JSONValue {
        var current: JSONValue? = object
        for part in jsonPath.split(separator: ".") {
            var field = Substring(part)
            var index: Int?
            if let open = field.firstIndex(of: "["), field.hasSuffix("]") {
                index = Int(field[field.index(after: open)..<field.index(before: field.endIndex)])
                field = field[..<open]
            }
            if !field.isEmpty { current = current?[String(field)] }
            if let index { current = current?.arrayValue.flatMap { $0.indices.contains(index) ? $0[index] : nil } }
        }
        return current ?? .null
    }
}
