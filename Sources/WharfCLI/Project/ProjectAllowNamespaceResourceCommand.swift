import ArgumentParser

/// `wharf proj allow-namespace-resource`, as upstream's command of the same name.
struct ProjectAllowNamespaceResourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "allow-namespace-resource", abstract: "Removes a namespaced API resource from the deny list or add a namespaced API resource to the allow list.")

    @OptionGroup var arguments: ProjectResourceListArguments

    func run() async throws {
        try await reportingFailures { try await arguments.run(.init(namespaced: true, allow: true)) }
    }
}
