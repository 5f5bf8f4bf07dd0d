import ArgumentParser
import KubeModel

/// `wharf repo list`: the repositories with their connection state; credentials never shown.
struct RepoListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List repositories.")

    @OptionGroup var server: ServerOptions

    @Option(name: .shortAndLong, help: "Output format: wide, json, yaml or url.")
    var output = "wide"

    func run() async throws {
        try await reportingFailures {
            let items = try await server.withAPI { try await $0.call(.GET, "/api/v1/repositories") }["items"]?.arrayValue ?? []
            switch output {
            case "json", "yaml": print(ObjectOutput(rawValue: output)?.render(list: items) ?? "", terminator: "")
            case "url": for item in items { print(item["repo"]?.stringValue ?? "") }
            default:
                var table = TextTable(["TYPE", "NAME", "REPO", "INSECURE", "OCI", "LFS", "CREDS", "STATUS", "MESSAGE", "PROJECT"])
                for item in items {
                    table.append([
                        item["type"]?.stringValue ?? "git", item["name"]?.stringValue ?? "", item["repo"]?.stringValue ?? "",
                        String(item["insecure"]?.boolValue ?? false), String(item["enableOCI"]?.boolValue ?? false), String(item["enableLfs"]?.boolValue ?? false),
                        String(item["hasCredentials"]?.boolValue ?? (item["username"] != nil)), item[path: ["connectionState", "status"]]?.stringValue ?? "",
                        item[path: ["connectionState", "message"]]?.stringValue ?? "", item["project"]?.stringValue ?? "",
                    ])
                }
                print(table.text, terminator: "")
            }
        }
    }
}
