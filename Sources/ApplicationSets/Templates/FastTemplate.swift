import Foundation
import KubeModel

/// Upstream's default templating: every `{{name}}` (spaces around the name allowed) whose name is a
/// parameter is replaced by its value; any other `{{...}}` stays as written, so that text meant for a
/// later stage (Helm, a Go template in a ConfigMap) passes through.
enum FastTemplate {
    static func render(_ text: String, _ parameters: ParameterSet) -> String {
        guard text.contains("{{") else { return text }
        var output = ""
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                output += rest[open.lowerBound...]
                return output
            }
            let tag = afterOpen[..<close.lowerBound]
            let name = tag.trimmingCharacters(in: .whitespacesAndNewlines)
            if !name.isEmpty, let value = parameters[name] {
                output += value.parameterText
            } else {
                output += "{{" + tag + "}}"
            }
            rest = afterOpen[close.upperBound...]
        }
        output += rest
        return output
    }
}
