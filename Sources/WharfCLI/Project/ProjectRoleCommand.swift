import ArgumentParser

/// `wharf proj role`: a project's roles, their policies and tokens.
struct ProjectRoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role", abstract: "Manage a project's roles.",
        subcommands: [
            ProjectRoleCreateCommand.self, ProjectRoleListCommand.self, ProjectRoleGetCommand.self, ProjectRoleDeleteCommand.self,
            ProjectRoleAddPolicyCommand.self, ProjectRoleCreateTokenCommand.self, ProjectRoleDeleteTokenCommand.self,
        ])
}
