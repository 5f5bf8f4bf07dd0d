import ArgumentParser

/// `wharf proj allow-cluster-resource`, as upstream's command of the same name.
struct ProjectAllowClusterResourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "allow-cluster-resource", abstract: "Adds a cluster-scoped API resource to the allow list and removes it from deny list.")

    @OptionGroup var arguments: ProjectResourceListArguments

    func run() async throws {
        try await reportingFailures { try await arguments.run(.init(namespaced: false, allow: true)) }
    }
}
