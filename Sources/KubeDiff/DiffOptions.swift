public import KubeModel

/// How ``Differ`` compares objects.
public struct DiffOptions: Sendable {
    /// Normalisers applied to both sides before comparing, in order.
    public var normalizers: [any Normalizer]

    /// Creates options; by default server-populated fields and `status` are ignored.
    public init(normalizers: [any Normalizer] = [ServerFieldsNormalizer()]) {
        self.normalizers = normalizers
    }

    /// Runs every normaliser on `object`.
    func normalize(_ object: JSONValue) -> JSONValue {
        var result = object
        for normalizer in normalizers { normalizer.normalize(&result) }
        return result
    }
}
