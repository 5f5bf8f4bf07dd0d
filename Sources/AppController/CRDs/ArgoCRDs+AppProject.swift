public import KubeModel

extension ArgoCRDs {
    /// `appprojects.argoproj.io`: which sources, destinations and kinds a group of applications may
    /// use, with roles and sync windows. Upstream gives it no printer columns.
    public static let appProject: JSONValue = definition(
        kind: "AppProject", plural: "appprojects", shortNames: ["appproj", "appprojs"], schema: OpenAPISchema.appProject)
}
