import KubeModel

/// `list`: one parameter set per element of `elements` (and of the YAML list in `elementsYaml`).
struct ListGenerator: ApplicationSetGenerator {
    let elements: [JSONValue]
    let elementsYaml: String?
    let field: String

    func generate(_ context: GeneratorContext) async throws(ApplicationSetError) -> [ParameterSet] {
        var all = elements
        if let elementsYaml, !elementsYaml.isEmpty {
            let document: JSONValue
            do throws(DocumentError) {
                document = try YAMLReader.read(elementsYaml)
            } catch {
                throw ApplicationSetError("\(field).elementsYaml is not valid YAML: \(error)")
            }
            guard let list = document.arrayValue else {
                throw ApplicationSetError("\(field).elementsYaml must be a YAML list of mappings, found \(document.typeName)")
            }
            all += list
        }
        var result: [ParameterSet] = []
        for (index, element) in all.enumerated() {
            guard let members = element.objectValue else {
                throw ApplicationSetError("\(field).elements[\(index)] must be a mapping of parameter names to values, found \(element.typeName)")
            }
            var parameters: ParameterSet = [:]
            for (key, value) in members {
                if context.goTemplate {
                    parameters[key] = value
                } else if key == "values", let values = value.objectValue {
                    for (name, member) in values { parameters["values.\(name)"] = .string(member.parameterText) }
                } else {
                    parameters[key] = .string(value.parameterText)
                }
            }
            result.append(parameters)
        }
        return result
    }
}
