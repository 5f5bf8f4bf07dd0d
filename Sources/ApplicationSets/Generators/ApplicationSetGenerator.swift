/// A source of parameter sets: one of an ApplicationSet's `spec.generators` entries (`list`,
/// `clusters`, `git`, `matrix`, `merge`).
protocol ApplicationSetGenerator: Sendable {
    /// The parameter sets, one per Application to render.
    func generate(_ context: GeneratorContext) async throws(ApplicationSetError) -> [ParameterSet]
}
