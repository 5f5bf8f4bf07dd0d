import GoTemplate

/// Words template errors as Helm v4 prints them.
enum HelmErrorWording {
    /// `parse error at (file:line): reason`.
    static func parse(_ error: TemplateError) -> String {
        "parse error at (\(error.sourceName):\(error.line ?? 0)): \(error.reason)"
    }

    /// `fail` and `required` read `execution error at (file:line:col): message`; other failures keep
    /// Go's location and add Helm's line breaks.
    static func execution(_ error: TemplateError) -> String {
        let location = "\(error.sourceName):\(error.line ?? 0):\(error.column ?? 0)"
        for function in ["fail", "required"] {
            let marker = "error calling \(function): "
            if let range = error.reason.firstRange(of: marker) {
                return "execution error at (\(location)): " + error.reason[range.upperBound...]
            }
        }
        if error.reason.hasPrefix("error calling ") || error.line == nil { return error.description }
        return "\(location)\n  executing \(GoFormat.quote(error.templateName ?? "")) at <\(error.context ?? "")>:\n    \(error.reason)"
    }
}
