import ArgumentParser

/// `wharf proj deny-namespace-resource`, as upstream's command of the same name.
struct ProjectDenyNamespaceResourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deny-namespace-resource", abstract: "Adds a namespaced API resource to the deny list or removes a namespaced API resource from the allow list.")

    @OptionGroup var arguments: ProjectResourceListArguments

    func run() async throws {
        try await reportingFailures { try await arguments.run(.init(namespaced: true, allow: false)) }
    }
}
