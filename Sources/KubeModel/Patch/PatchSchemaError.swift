/// A schema document that cannot be read; only a broken generated file produces one.
struct PatchSchemaError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = "patch schema: \(description)"
    }
}
