public import KubeModel

extension ArgoCRDs {
    /// `applicationsets.argoproj.io`: generators and a template from which the ApplicationSet
    /// controller creates, updates and deletes Applications. Upstream gives it no printer columns.
    public static let applicationSet: JSONValue = definition(
        kind: "ApplicationSet", plural: "applicationsets", shortNames: ["appset", "appsets"], schema: OpenAPISchema.applicationSet)
}
