import ArgumentParser
import KubeModel

/// `wharf app list`: the applications the caller may see, as `argocd app list`.
struct AppListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List applications.")

    @OptionGroup var server: ServerOptions

    @Option(name: [.short, .customLong("project")], help: "Only applications of this project (repeatable).")
    var projects: [String] = []

    @Option(name: [.short, .customLong("selector")], help: "Only applications matching this label selector.")
    var selector: String?

    @Option(name: [.short, .customLong("repo")], help: "Only applications from this repository.")
    var repo: String?

    @Option(name: .shortAndLong, help: "Output format: wide, name, json or yaml.")
    var output: ObjectOutput = .wide

    func run() async throws {
        try await reportingFailures {
            var query = projects.map { ("projects", $0) }
            if let selector { query.append(("selector", selector)) }
            if let repo { query.append(("repo", repo)) }
            let answer = try await server.withAPI { [query] in try await $0.call(.GET, "/api/v1/applications", query: query) }
            let items = answer["items"]?.arrayValue ?? []
            if let rendered = output.render(list: items) {
                print(rendered, terminator: "")
                return
            }
            if output == .name {
                for item in items { print(ApplicationSummary(application: item).name) }
                return
            }
            var table = TextTable(ApplicationSummary.listHeader)
            for item in items { table.append(ApplicationSummary(application: item).row) }
            print(table.text, terminator: "")
        }
    }
}
