import KubeModel

/// Finds a role in a project's `spec.roles`.
enum ProjectRoleLookup {
    /// The position of role `role` in `project`, or a failure saying how to create it.
    static func index(of role: String, in project: KubeObject) throws -> Int {
        let roles = project[path: "spec", "roles"]?.arrayValue ?? []
        guard let index = roles.firstIndex(where: { $0["name"]?.stringValue == role }) else {
            throw CommandFailure("project \(project.name) has no role \(role); create it with 'wharf proj role create \(project.name) \(role)'")
        }
        return index
    }
}
