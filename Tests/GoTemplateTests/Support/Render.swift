import GoTemplate

/// Renders a template the way Helm renders a chart file: Sprig functions, `missingkey=zero`, values under
/// `.Values`, and `<no value>` removed from the output.
enum Render {
    static let library = FunctionLibrary.sprig

    static func helmStyle(_ template: String, values: String = "{}", name: String = "conformance/templates/case.txt") throws -> String {
        var set = TemplateSet(name: "gotpl", library: library)
        try set.parse(template, name: name)
        let data = GoValue.map(GoMap(["Values": try JSONValues.decode(values, typeName: "common.Values")], typeName: "common.Values"))
        let output = try set.execute(name, data: data, options: ExecutionOptions(missingKey: .zero))
        return output.replacing("<no value>", with: "")
    }

    /// Go's plain `text/template` behaviour: builtins only, default missing-key handling.
    static func go(_ template: String, data: GoValue = .noValue, library: FunctionLibrary = FunctionLibrary(), options: ExecutionOptions = ExecutionOptions()) throws -> String {
        var set = TemplateSet(name: "test", library: library)
        try set.parse(template, name: "test")
        return try set.execute("test", data: data, options: options)
    }

    /// The error message a template fails with, or nil when it renders.
    static func goError(_ template: String, data: GoValue = .noValue, library: FunctionLibrary = FunctionLibrary(), options: ExecutionOptions = ExecutionOptions()) -> String? {
        do {
            _ = try go(template, data: data, library: library, options: options)
            return nil
        } catch {
            return "\(error)"
        }
    }
}
