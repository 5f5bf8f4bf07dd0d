import KubeModel

/// `matrix`: every combination of the two child generators' parameter sets. The second generator
/// may use the first's parameters (`{{path.basename}}` in its `repoURL`, ...): it is rendered with
/// each of the first's sets before it generates.
struct MatrixGenerator: ApplicationSetGenerator {
    let first: GeneratorEntry
    let second: GeneratorEntry

    func generate(_ context: GeneratorContext) async throws(ApplicationSetError) -> [ParameterSet] {
        var result: [ParameterSet] = []
        for left in try await first.generate(context) {
            let rendered = try context.renderer.render(second.raw, left)
            let child = try GeneratorEntry(rendered, field: second.field)
            for right in try await child.generate(context) {
                result.append(try Self.combine(left, right, goTemplate: context.goTemplate, field: second.field))
            }
        }
        return result
    }

    /// Both sets in one: nested parameters merge (the second's win), while flat ones must agree.
    static func combine(_ left: ParameterSet, _ right: ParameterSet, goTemplate: Bool, field: String) throws(ApplicationSetError) -> ParameterSet {
        var combined = left
        for (key, value) in right {
            if goTemplate {
                combined[key] = combined[key].map { $0.merging(value) } ?? value
            } else if let existing = combined[key], existing != value {
                throw ApplicationSetError(
                    "\(field): both matrix generators produce the parameter \(key) with different values (\(existing.parameterText) and \(value.parameterText)); rename one of them")
            } else {
                combined[key] = value
            }
        }
        return combined
    }
}
