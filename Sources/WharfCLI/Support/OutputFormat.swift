import ArgumentParser
import KubeModel

/// The `-o` formats for printing objects.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml
    case json

    /// Prints objects as kubectl does: YAML documents separated by `---`, JSON as one object or a
    /// `v1/List` when there are several.
    func render(_ objects: [JSONValue]) -> String {
        switch self {
        case .yaml:
            return YAMLWriter.string(documents: objects)
        case .json:
            let value: JSONValue =
                objects.count == 1
                ? objects[0]
                : ["apiVersion": "v1", "kind": "List", "metadata": ["resourceVersion": ""], "items": .array(objects)]
            return JSONWriter.string(value, style: .pretty(indent: 4)) + "\n"
        }
    }
}
