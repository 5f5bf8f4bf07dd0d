import ArgumentParser
import KubeModel

/// `wharf repo get URL`: one repository (credentials never shown).
struct RepoGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show a repository.")

    @OptionGroup var server: ServerOptions

    @Argument(help: "The repository URL.")
    var url: String

    @Option(name: .shortAndLong, help: "Output format: wide, json or yaml.")
    var output: ObjectOutput = .wide

    func run() async throws {
        try await reportingFailures {
            let item = try await server.withAPI { [url] in try await $0.call(.GET, APIConnection.path("/api/v1/repositories", url)) }
            if let rendered = output.render(item) {
                print(rendered, terminator: "")
                return
            }
            var table = TextTable(["TYPE", "NAME", "REPO", "STATUS", "MESSAGE", "PROJECT"])
            table.append([
                item["type"]?.stringValue ?? "git", item["name"]?.stringValue ?? "", item["repo"]?.stringValue ?? "",
                item[path: ["connectionState", "status"]]?.stringValue ?? "", item[path: ["connectionState", "message"]]?.stringValue ?? "", item["project"]?.stringValue ?? "",
            ])
            print(table.text, terminator: "")
        }
    }
}
