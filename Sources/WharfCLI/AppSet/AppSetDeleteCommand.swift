import ArgumentParser
import KubeModel
import Foundation

/// `wharf appset delete`: deletes ApplicationSets (and, through the controller, their Applications).
struct AppSetDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete one or more ApplicationSets.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The ApplicationSet names.")
    var names: [String]

    @Flag(name: [.customShort("y"), .customLong("yes")], help: "Turn off prompting to confirm cascaded deletion of Application resources.")
    var yes = false

    func validate() throws {
        if names.isEmpty { throw ValidationError("give at least one ApplicationSet name") }
    }

    func run() async throws {
        try await reportingFailures {
            try await core.withClient { client in
                let store = ArgoObjectStore.applicationSets(client: client, namespace: core.namespace)
                for name in names {
                    // As upstream, ask only someone at a terminal who did not pass --yes.
                    if !yes && isatty(STDIN_FILENO) != 0 {
                        print("Are you sure you want to delete '\(name)' and all its Applications? [y/n] ", terminator: "")
                        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                        guard answer == "y" || answer == "yes" else {
                            print("The command to delete '\(name)' was cancelled.")
                            continue
                        }
                    }
                    try await store.delete(name)
                    print("applicationset '\(name)' deleted")
                }
            }
        }
    }
}
