import ArgumentParser

/// `wharf proj deny-cluster-resource`, as upstream's command of the same name.
struct ProjectDenyClusterResourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deny-cluster-resource", abstract: "Removes a cluster-scoped API resource from the allow list and adds it to deny list.")

    @OptionGroup var arguments: ProjectResourceListArguments

    func run() async throws {
        try await reportingFailures { try await arguments.run(.init(namespaced: false, allow: false)) }
    }
}
