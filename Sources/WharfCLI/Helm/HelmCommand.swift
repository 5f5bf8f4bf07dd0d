import ArgumentParser

/// `wharf helm`: Helm charts rendered by Wharf's own engine.
struct HelmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helm",
        abstract: "Render Helm charts with Wharf's built-in engine, as Helm does.",
        subcommands: [HelmTemplateCommand.self]
    )
}
