public import GoTemplate
import KubeModel

/// The functions Helm adds to Sprig (`engine/funcs.go`): YAML, JSON and TOML conversions (both ways), `include`,
/// `tpl`, `required` and `lookup`.
public enum HelmFunctions {
    /// Sprig without `env`/`expandenv`, plus Helm's functions.
    public static let library: FunctionLibrary = {
        var library = FunctionLibrary.sprig
        library.remove("env")
        library.remove("expandenv")
        library.register(contentsOf: functions)
        return library
    }()

    static let functions: [GoFunction] = [
        GoFunction("toYaml", [.any]) { a, _ in .string((try? yaml(a[0])) ?? "") },
        GoFunction("mustToYaml", [.any]) { a, _ in .string(try yaml(a[0])) },
        GoFunction("toYamlPretty", [.any]) { a, _ in .string((try? yaml(a[0])) ?? "") },
        GoFunction("fromYaml", [.string]) { a, _ in
            do {
                let document = try YAMLDocumentCache.shared.document(a.first?.asString ?? "")
                guard case .object = document else {
                    if document.isNull { return .map(GoMap()) }
                    return .map(GoMap(["Error": .string("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(document)) into Go value of type map[string]interface {}")]))
                }
                return GoValueBuilder.value(document)
            } catch {
                return .map(GoMap(["Error": .string("error converting YAML to JSON: \(error)")]))
            }
        },
        GoFunction("fromYamlArray", [.string]) { a, _ in
            do {
                let document = try YAMLDocumentCache.shared.document(a.first?.asString ?? "")
                guard case .array = document else {
                    if document.isNull { return .list(GoList([])) }
                    return .list(GoList([.string("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(document)) into Go value of type []interface {}")]))
                }
                return GoValueBuilder.value(document)
            } catch {
                return .list(GoList([.string("error converting YAML to JSON: \(error)")]))
            }
        },
        GoFunction("toJson", [.any]) { a, _ in .string((try? GoJSON.encode(a[0])) ?? "") },
        GoFunction("mustToJson", [.any]) { a, _ in .string(try GoJSON.encode(a[0])) },
        GoFunction("fromJson", [.string]) { a, _ in
            do {
                let value = try GoJSON.decode(a.first?.asString ?? "")
                if case .map = value { return value }
                return .map(GoMap(["Error": .string("json: cannot unmarshal \(goJSONKind(value)) into Go value of type map[string]interface {}")]))
            } catch {
                return .map(GoMap(["Error": .string("\(error)")]))
            }
        },
        GoFunction("fromJsonArray", [.string]) { a, _ in
            do {
                let value = try GoJSON.decode(a.first?.asString ?? "")
                if case .list = value { return value }
                return .list(GoList([.string("json: cannot unmarshal \(goJSONKind(value)) into Go value of type []interface {}")]))
            } catch {
                return .list(GoList([.string("\(error)")]))
            }
        },
        GoFunction("toToml", [.any]) { a, _ in .string(TOMLEncoder.encode(a[0])) },
        GoFunction("fromToml", [.string]) { a, _ in
            do {
                return .map(try TOMLDecoder.decode(a.first?.asString ?? ""))
            } catch {
                return .map(GoMap(["Error": .string("\(error)")]))
            }
        },
        GoFunction("mustToToml", [.any]) { a, _ in .string(TOMLEncoder.encode(a[0])) },
        GoFunction("include", [.string, .any]) { a, context in
            .string(try context.executeTemplate(named: a.first?.asString ?? "", data: a[1]))
        },
        GoFunction("tpl", [.string, .any]) { a, context in
            // Helm parses the text as a new template named after the root template ("gotpl").
            let output = try context.execute(text: a.first?.asString ?? "", name: context.templates.name, data: a[1])
            return .string(GoStrings.replacingAll("<no value>", with: "", in: output))
        },
        GoFunction("required", [.string, .any]) { a, _ in
            switch a[1] {
            case .noValue, .null: throw GoFunctionError(a.first?.asString ?? "")
            case .string(let string) where string.isEmpty: throw GoFunctionError(a.first?.asString ?? "")
            default: return a[1]
            }
        },
        // Rendering offline, as `helm template` does: every lookup finds nothing.
        GoFunction("lookup", [.string, .string, .string, .string]) { _, _ in .map(GoMap()) },
    ]

    /// Helm's `toYAML`: the YAML without its final newline.
    static func yaml(_ value: GoValue) throws -> String {
        var text = try GoYAMLEncoder.encode(value)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    private static func jsonKind(_ value: JSONValue) -> String {
        switch value {
        case .array: "array"
        case .object: "object"
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .null: "null"
        }
    }

    private static func goJSONKind(_ value: GoValue) -> String {
        switch value {
        case .list: "array"
        case .string: "string"
        case .float64: "number"
        case .bool: "bool"
        default: "object"
        }
    }
}
