import ArgumentParser
import KubeModel

/// `wharf proj add-source`: permits one more source repository.
struct ProjectAddSourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add-source", abstract: "Add project source repository.")

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Argument(help: "The repository URL (a pattern such as '*' works).")
    var url: String

    func run() async throws {
        try await reportingFailures {
            var present: String?
            try await core.withClient { client in
                try await ArgoObjectStore.projects(client: client, namespace: core.namespace).edit(project) { object in
                    let sources = object[path: "spec", "sourceRepos"]?.arrayValue?.compactMap(\.stringValue) ?? []
                    present = sources.first { Self.sameRepository($0, url) }
                    guard present == nil else { return }
                    object[path: "spec", "sourceRepos"] = .array((sources + [url]).map(JSONValue.string))
                }
            }
            if let present { print("Source repository '\(present)' already allowed in project") }
        }
    }

    /// Whether two repository URLs name the same repository, ignoring case and a trailing `.git` or
    /// `/`, as upstream's `git.SameURL` does.
    private static func sameRepository(_ first: String, _ second: String) -> Bool {
        func normal(_ url: String) -> String {
            var text = url.lowercased()
            while text.hasSuffix("/") { text.removeLast() }
            if text.hasSuffix(".git") { text.removeLast(4) }
            return text
        }
        return normal(first) == normal(second)
    }
}
