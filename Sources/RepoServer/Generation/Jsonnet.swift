import Foundation
import KubeModel

/// Evaluates one `.jsonnet` file with the `jsonnet` command, with the source's external variables,
/// top-level arguments and library directories; the output (an object, a `List` or an array) becomes
/// objects.
enum Jsonnet {
    static func evaluate(_ file: URL, shownAs name: String, options: DirectorySourceOptions, context: GenerationContext) async throws(SourceError)
        -> Generation
    {
        guard ToolRunner.exists("jsonnet") else {
            throw SourceError("\(name): jsonnet files need the jsonnet command, which is not installed (Debian package jsonnet)")
        }
        var arguments: [String] = []
        var inputs: Set<InputPath> = []
        for library in options.libraries {
            let resolved = try context.root.resolve(library, field: "spec.source.directory.jsonnet.libs")
            arguments += ["-J", resolved.url.path]
            inputs.insert(context.input(resolved.relative))
        }
        for variable in options.externalVariables {
            arguments += [variable.code ? "--ext-code" : "--ext-str", "\(variable.name)=\(variable.value)"]
        }
        for argument in options.topLevelArguments {
            arguments += [argument.code ? "--tla-code" : "--tla-str", "\(argument.name)=\(argument.value)"]
        }
        arguments.append(file.path)
        let output = try await context.tools.run("jsonnet", arguments, in: file.deletingLastPathComponent(), hiding: context.root.url)
        let objects = try DirectoryGenerator.objectsIn(String(decoding: output, as: UTF8.self), shownAs: name)
        return Generation(objects: objects, inputs: inputs)
    }
}
