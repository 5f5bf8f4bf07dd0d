import ArgumentParser

/// `wharf proj windows`: a project's sync windows.
struct ProjectWindowsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "windows", abstract: "Manage a project's sync windows.",
        subcommands: [ProjectWindowsAddCommand.self, ProjectWindowsListCommand.self, ProjectWindowsDeleteCommand.self])
}
