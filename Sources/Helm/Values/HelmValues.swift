public import GoTemplate
import KubeModel

/// Combining user-supplied values as Helm does for `-f` files and `--set`: later sources win and maps
/// merge key by key.
public enum HelmValues {
    /// Merges `override` into `base` in place.
    public static func merge(_ base: GoMap, with override: GoMap) {
        ValuesCoalescer.merge(base, with: override)
    }

    /// The values `helm template` passes to the chart: the value files merged in order, then every
    /// `--set` argument, then every `--set-string` argument.
    /// - Parameter valueFiles: each file's name (for messages) and its YAML text.
    /// - Throws: ``HelmError`` naming the file that is not a YAML map, or the malformed argument.
    public static func userValues(valueFiles: [(name: String, text: String)] = [], set: [String] = [], setString: [String] = []) throws(HelmError) -> GoMap {
        let values = GoMap()
        for file in valueFiles {
            let document: JSONValue
            do {
                document = try YAMLReader.read(file.text, source: file.name)
            } catch {
                throw HelmError("failed to parse \(file.name): \(error)")
            }
            guard case .map(let map) = GoValueBuilder.value(document.isNull ? .object([:]) : document) else {
                throw HelmError("failed to parse \(file.name): values must be a YAML map, not \(document)")
            }
            merge(values, with: map)
        }
        for argument in set { try SetValueParser.apply(argument, to: values, typed: true) }
        for argument in setString { try SetValueParser.apply(argument, to: values, typed: false) }
        return values
    }
}
