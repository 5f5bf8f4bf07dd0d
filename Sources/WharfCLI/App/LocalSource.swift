import Foundation
import KubeModel
import RepoServer

/// `app sync --local`: renders an application's source from a directory on this machine instead
/// of Git, with the application's own settings (Helm values, Kustomize options, directory
/// include/exclude), as upstream's CLI renders before sending the manifests to the server.
struct LocalSource: Sendable {
    /// The application's directory (upstream's `--local`).
    var directory: String
    /// The repository root it sits in (upstream's `--local-repo-root`); the directory itself when nil.
    var repositoryRoot: String?

    /// The objects `application` (as the API returns it) renders to from the local files.
    func render(_ application: JSONValue) async throws -> [JSONValue] {
        guard let rawSource = application[path: ["spec", "source"]], !rawSource.isNull else {
            throw CommandFailure("--local works with single-source applications only: this one has spec.sources")
        }
        let appDirectory = URL(fileURLWithPath: directory).standardizedFileURL
        let root = URL(fileURLWithPath: repositoryRoot ?? directory).standardizedFileURL
        guard appDirectory.path == root.path || appDirectory.path.hasPrefix(root.path + "/") else {
            throw CommandFailure("--local \(directory) is not inside --local-repo-root \(repositoryRoot ?? "")")
        }
        var raw = rawSource
        raw["path"] = .string(String(appDirectory.path.dropFirst(root.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/")))
        let name = application[path: ["metadata", "name"]]?.stringValue ?? ""
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-local-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let service = try RepoService(configuration: RepoServerConfiguration(cacheDirectory: scratch))
        do throws(SourceError) {
            let source = try ApplicationSource(raw, field: "spec.source")
            let request = ManifestRequest(
                source: source, appName: name, namespace: application[path: ["spec", "destination", "namespace"]]?.stringValue ?? "", bypassCache: true)
            return try await service.generate(request, localDirectory: root).objects
        } catch {
            throw CommandFailure("cannot render \(directory) for application \(name): \(error.message)")
        }
    }
}
