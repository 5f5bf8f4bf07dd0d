public import KubeModel

/// Turns an ApplicationSet into the Applications it stands for: runs its generators, renders its
/// template (merged with each generator's own) with every parameter set, and checks the result.
/// Pure apart from reading Git; the controller decides what to write.
public struct ApplicationSetRenderer: Sendable {
    /// The upstream finalizer that makes the application controller delete an Application's resources with it.
    public static let resourcesFinalizer = "resources-finalizer.argocd.argoproj.io"

    /// The cluster Secrets of the controller's namespace.
    public var clusterSecrets: [KubeObject]
    /// Where Git generators read repositories.
    public var git: any GitRepositoryReader

    /// A renderer reading clusters from `clusterSecrets` and repositories through `git`.
    public init(clusterSecrets: [KubeObject] = [], git: any GitRepositoryReader) {
        self.clusterSecrets = clusterSecrets
        self.git = git
    }

    /// The Applications `applicationSet` generates, sorted by name, without owner references.
    /// - Throws: ``ApplicationSetError`` naming the generator or field at fault; nothing is partial.
    public func applications(for applicationSet: KubeObject) async throws(ApplicationSetError) -> [KubeObject] {
        let view = ApplicationSetView(object: applicationSet)
        let renderer = try TemplateRenderer(goTemplate: view.goTemplate, options: view.goTemplateOptions)
        let context = GeneratorContext(renderer: renderer, clusterSecrets: clusterSecrets, git: git)
        let disableAutomatedSync = try view.rollingSyncSteps() != nil
        guard !view.generators.isEmpty else { throw ApplicationSetError("spec.generators is empty: add at least one generator") }
        var applications: [String: KubeObject] = [:]
        for (index, raw) in view.generators.enumerated() {
            let entry = try GeneratorEntry(raw, field: "spec.generators[\(index)]")
            let parameterSets = try await entry.generate(context)
            let template = entry.template.map { view.template.merging($0) } ?? view.template
            for parameters in parameterSets {
                let rendered: JSONValue
                do throws(ApplicationSetError) {
                    rendered = try renderer.render(template, parameters)
                } catch {
                    throw error.prefixed("spec.template (with the parameters of spec.generators[\(index)])")
                }
                let application = try Self.application(
                    from: rendered, view: view, disableAutomatedSync: disableAutomatedSync)
                guard applications[application.name] == nil else {
                    throw ApplicationSetError(
                        "spec.template.metadata.name renders to \(application.name) for more than one parameter set; include a parameter that differs, such as {{path.basename}}",
                        reason: ApplicationSetReason.validationError)
                }
                applications[application.name] = application
            }
        }
        return applications.keys.sorted().map { applications[$0]! }
    }

    /// The Application a rendered template describes, checked.
    static func application(from rendered: JSONValue, view: ApplicationSetView, disableAutomatedSync: Bool) throws(ApplicationSetError) -> KubeObject {
        let name = rendered[path: ["metadata", "name"]]?.stringValue ?? ""
        guard NameNormalizer.isDNSSubdomain(name) else {
            throw ApplicationSetError(
                "spec.template.metadata.name renders to \"\(name)\", which is not a valid Application name (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters); change the template, for example use {{path.basenameNormalized}} or the normalize function",
                reason: ApplicationSetReason.validationError)
        }
        var application = KubeObject(apiVersion: "argoproj.io/v1alpha1", kind: "Application", name: name, namespace: view.namespace)
        let metadata = rendered["metadata"] ?? .emptyObject
        application.labels = metadata.stringMap(at: ["labels"])
        application.annotations = metadata.stringMap(at: ["annotations"])
        var finalizers = metadata["finalizers"]?.arrayValue?.compactMap(\.stringValue) ?? []
        // Upstream gives generated Applications the resources finalizer (so deleting one deletes what
        // it deployed) unless the ApplicationSet preserves resources on deletion.
        if !view.preserveResourcesOnDeletion && !finalizers.contains(where: { $0.hasPrefix(resourcesFinalizer) }) {
            finalizers.append(resourcesFinalizer)
        }
        application.finalizers = finalizers
        var spec = rendered["spec"] ?? .emptyObject
        if (spec["project"]?.stringValue ?? "").isEmpty {
            throw ApplicationSetError(
                "spec.template.spec.project renders empty for Application \(name); set the project (for example default)",
                reason: ApplicationSetReason.validationError)
        }
        if disableAutomatedSync, spec[path: ["syncPolicy", "automated"]] != nil {
            // RollingSync decides when each Application syncs; upstream turns automated sync off.
            spec[path: ["syncPolicy", "automated"]] = nil
        }
        application["spec"] = spec
        return application
    }
}
