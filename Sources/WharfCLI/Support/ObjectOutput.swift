import ArgumentParser
import KubeModel

/// The `-o` formats of upstream's `argocd` object commands: a human view (`wide`, the default),
/// names only, or the objects as JSON or YAML.
enum ObjectOutput: String, ExpressibleByArgument, CaseIterable {
    case wide
    case name
    case json
    case yaml

    /// One object as upstream prints it with `-o json|yaml`; nil for the human formats.
    func render(_ object: JSONValue) -> String? {
        switch self {
        case .json: JSONWriter.string(object, style: .pretty(indent: 2)) + "\n"
        case .yaml: YAMLWriter.string(object)
        case .wide, .name: nil
        }
    }

    /// Several objects: upstream prints a JSON array or a YAML sequence, not a `v1/List`.
    func render(list objects: [JSONValue]) -> String? {
        render(.array(objects))
    }
}
