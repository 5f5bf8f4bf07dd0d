import GoTemplate
import KubeModel

/// Renders every string of a JSON tree with one parameter set: in fasttemplate mode (keys too, as
/// upstream renders the whole document) or, with `goTemplate: true`, as a Go template with Sprig.
struct TemplateRenderer: Sendable {
    /// Whether strings are Go templates.
    let goTemplate: Bool
    /// What a missing key does in Go templates (`goTemplateOptions: ["missingkey=error"]`).
    let missingKey: MissingKeyBehavior

    /// Sprig without the functions that read the controller's environment or the network, plus
    /// upstream's `normalize`.
    static let library: FunctionLibrary = {
        var library = FunctionLibrary.sprig
        for name in ["env", "expandenv", "getHostByName"] { library.remove(name) }
        library.register(GoFunction("normalize", [.string]) { arguments, _ in .string(NameNormalizer.normalize(arguments[0].asString ?? "")) })
        return library
    }()

    /// A renderer for an ApplicationSet's `goTemplate` and `goTemplateOptions`.
    init(goTemplate: Bool, options: [String] = []) throws(ApplicationSetError) {
        self.goTemplate = goTemplate
        var missingKey = MissingKeyBehavior.noValue
        for option in options {
            switch option {
            case "missingkey=error": missingKey = .error
            case "missingkey=zero": missingKey = .zero
            case "missingkey=default", "missingkey=invalid": missingKey = .noValue
            default:
                throw ApplicationSetError(
                    "spec.goTemplateOptions: \"\(option)\" is not supported; use missingkey=error, missingkey=zero or missingkey=default",
                    reason: ApplicationSetReason.renderError)
            }
        }
        self.missingKey = missingKey
    }

    /// `value` with every string rendered.
    func render(_ value: JSONValue, _ parameters: ParameterSet) throws(ApplicationSetError) -> JSONValue {
        // Spelled out: GoValue is nil-literal expressible, so `cond ? value : nil` would mean `.null`.
        guard goTemplate else { return try render(value, parameters, data: Optional<GoValue>.none) }
        let data = GoValueBuilder.value(.object(JSONObject(uniqueKeysWithValues: parameters.sorted { $0.key < $1.key })))
        return try render(value, parameters, data: data)
    }

    /// One string rendered.
    func render(string text: String, _ parameters: ParameterSet) throws(ApplicationSetError) -> String {
        guard case .string(let rendered) = try render(.string(text), parameters) else { return text }
        return rendered
    }

    private func render(_ value: JSONValue, _ parameters: ParameterSet, data: GoValue?) throws(ApplicationSetError) -> JSONValue {
        switch value {
        case .string(let text):
            return .string(try renderText(text, parameters, data: data))
        case .array(let elements):
            var rendered: [JSONValue] = []
            rendered.reserveCapacity(elements.count)
            for element in elements { rendered.append(try render(element, parameters, data: data)) }
            return .array(rendered)
        case .object(let members):
            var rendered: JSONObject = [:]
            for (key, member) in members {
                let renderedKey = goTemplate ? key : FastTemplate.render(key, parameters)
                rendered[renderedKey] = try render(member, parameters, data: data)
            }
            return .object(rendered)
        default:
            return value
        }
    }

    private func renderText(_ text: String, _ parameters: ParameterSet, data: GoValue?) throws(ApplicationSetError) -> String {
        guard text.contains("{{") else { return text }
        guard let data else { return FastTemplate.render(text, parameters) }
        do {
            var set = TemplateSet(name: "", library: Self.library)
            try set.parse(text, name: "")
            return try set.execute("", data: data, options: ExecutionOptions(missingKey: missingKey))
        } catch {
            throw ApplicationSetError("failed to execute go template \(text): \(error.reason)", reason: ApplicationSetReason.renderError)
        }
    }
}
