import ArgumentParser
import KubeDiff
import KubeModel

/// `wharf kube diff`: the normalised diff between live and desired manifests, `kubectl diff` style.
///
/// Exit codes follow `kubectl diff` and `diff`: 0 when nothing differs, 1 when something does,
/// 2 or more on errors.
struct KubeDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show how applying DESIRED would change LIVE, ignoring fields the server manages.",
        discussion: "Exits 0 when they match, 1 when they differ, 2 on errors."
    )

    @Argument(help: "The live objects (YAML or JSON, for example from 'kubectl get -o yaml').")
    var live: String

    @Argument(help: "The desired objects (YAML or JSON manifests).")
    var desired: String

    func run() throws {
        var differs = false
        do {
            try reportingFailures {
                let liveObjects = try objectsByKey(live)
                let desiredObjects = try objectsByKey(desired)
                let liveIndex = Dictionary(liveObjects.map { ($0.key, $0.object) }, uniquingKeysWith: { first, _ in first })
                let desiredIndex = Dictionary(desiredObjects.map { ($0.key, $0.object) }, uniquingKeysWith: { first, _ in first })
                // Desired objects in file order, then live objects that are no longer desired.
                let keys = desiredObjects.map(\.key) + liveObjects.map(\.key).filter { desiredIndex[$0] == nil }
                for key in keys {
                    let result = try Differ.diff(desired: desiredIndex[key], live: liveIndex[key])
                    guard result.modified else { continue }
                    differs = true
                    let name = fileName(for: key, object: desiredIndex[key] ?? liveIndex[key])
                    print(
                        UnifiedDiff.diff(
                            old: text(result.normalizedLive), new: text(result.predictedLive),
                            oldName: "live/\(name)", newName: "desired/\(name)"),
                        terminator: "")
                }
            }
        } catch let exit as ExitCode {
            throw exit == .success ? exit : ExitCode(2)
        }
        if differs { throw ExitCode(1) }
    }

    private func objectsByKey(_ path: String) throws -> [(key: ResourceKey, object: JSONValue)] {
        let objects = try ManifestReader.readObjects(try InputFile.read(path), source: InputFile.displayName(path))
        return objects.map { ($0.key, $0.content) }
    }

    private func text(_ value: JSONValue) -> String {
        value.isNull ? "" : YAMLWriter.string(value)
    }

    /// kubectl diff's file naming: `group.version.Kind.namespace.name`.
    private func fileName(for key: ResourceKey, object: JSONValue?) -> String {
        let apiVersion = object?["apiVersion"]?.stringValue ?? ""
        let gvk = GroupVersionKind(apiVersion: apiVersion, kind: key.kind)
        let groupVersion = gvk.group.isEmpty ? gvk.version : "\(gvk.group).\(gvk.version)"
        return [groupVersion, key.kind, key.namespace, key.name].filter { !$0.isEmpty }.joined(separator: ".")
    }
}
