import ArgumentParser

/// `wharf app`: Applications, as upstream's `argocd app`.
struct AppCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app",
        abstract: "Manage applications through the API server (or the cluster directly with --core).",
        subcommands: [
            AppCreateCommand.self, AppGetCommand.self, AppListCommand.self, AppSyncCommand.self, AppSetFieldsCommand.self, AppDeleteCommand.self,
            AppHistoryCommand.self, AppRollbackCommand.self, AppWaitCommand.self, AppTerminateOpCommand.self, AppDiffCommand.self,
            AppManifestsCommand.self, AppPatchCommand.self, AppResourcesCommand.self, AppPatchResourceCommand.self, AppDeleteResourceCommand.self,
            AppUnsetCommand.self,
        ]
    )
}
