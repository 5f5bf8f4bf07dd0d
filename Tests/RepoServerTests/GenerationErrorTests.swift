import ClusterTestSupport
import Foundation
import KubeModel
import RepoServer
import Testing

/// Bad input fails the application at fault with a clear message, and no other.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is needed for the repository tests"))
struct GenerationErrorTests {
    let root: URL
    let repository: AppRepository
    let service: RepoService

    init() async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-errors-\(UUID().uuidString)")
        repository = try await AppRepository(in: root)
        service = try RepoService(
            configuration: RepoServerConfiguration(cacheDirectory: root.appendingPathComponent("cache"), limits: GenerationLimits(maxDirectoryManifestBytes: 4 << 20, maxFileBytes: 1 << 20)))
        try repository.write([
            "good/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n",
            "broken-kustomize/kustomization.yaml": "resources:\n- missing.yaml\n",
            "bad-yaml/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n",
            "not-objects/values.yaml": "replicas: 3\n",
            "huge/big.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: \"" + String(repeating: "x", count: 3 << 20) + "\"\n",
            "chart/Chart.yaml": "apiVersion: v2\nname: chart\nversion: 1.0.0\n",
            "chart/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name | required \"name is required\" }}\n",
        ])
        try repository.link("escape/passwd.yaml", to: "/etc/passwd")
        try repository.link("escape-dir/outside", to: "/etc")
        try await repository.commit()
    }

    private func source(_ path: String, revision: String = "main", _ extra: JSONValue = .emptyObject) throws -> ApplicationSource {
        var raw: JSONValue = ["repoURL": .string(repository.url), "path": .string(path), "targetRevision": .string(revision)]
        for (key, value) in extra.objectValue ?? [:] { raw[key] = value }
        return try ApplicationSource(raw)
    }

    private func failure(_ source: ApplicationSource) async -> String {
        do {
            _ = try await service.generate(ManifestRequest(source: source, appName: "app"))
            return "no error"
        } catch {
            return error.message
        }
    }

    @Test("each bad application gets its own clear error while good ones generate beside them")
    func badApplications() async throws {
        let cases: [(ApplicationSource, [String])] = [
            (try source("good", revision: "no-such-branch"), ["no-such-branch", "not found"]),
            (try source("does/not/exist"), ["spec.source.path", "does/not/exist", "does not exist"]),
            (try source("../outside"), ["spec.source.path", "outside the repository"]),
            (try source("broken-kustomize"), ["kustomize", "missing.yaml"]),
            (try source("bad-yaml"), ["bad-yaml/cm.yaml"]),
            (try source("not-objects"), ["not-objects/values.yaml", "apiVersion and kind", "directory.exclude"]),
            (try source("escape"), ["escape/passwd.yaml", "outside the repository"]),
            (try source("escape-dir"), ["escape-dir/outside", "outside the repository"]),
            (try source("huge"), ["huge/big.yaml", "over the limit"]),
            (try source("chart"), ["name is required"]),
            (try source("chart", ["helm": ["valueFiles": ["../../../../etc/passwd"]]]), ["valueFiles", "outside the repository"]),
            (try source("chart", ["helm": ["valueFiles": ["missing-values.yaml"]]]), ["missing-values.yaml", "does not exist"]),
            (try source("good", ["helm": [:], "kustomize": [:]]), ["helm and kustomize", "at most one"]),
        ]
        let cacheDirectory = root.appendingPathComponent("cache").path
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (source, fragments) in cases {
                group.addTask {
                    let message = await failure(source)
                    for fragment in fragments { #expect(message.contains(fragment), "\(source.path): \(message)") }
                    #expect(!message.contains(cacheDirectory), "the message shows where the cache lives: \(message)")
                }
            }
            group.addTask {
                let good = try await service.generate(ManifestRequest(source: try source("good"), appName: "good"))
                #expect(good.objects.count == 1)
            }
            try await group.waitForAll()
        }
    }

    @Test("malformed Application fields are named by their path")
    func malformedSource() throws {
        #expect(throws: SourceError.self) { try ApplicationSource(["path": "x"]) }
        do {
            _ = try ApplicationSource(["repoURL": "file:///r", "helm": ["valueFiles": "values.yaml"]])
            Issue.record("a string where a list belongs was accepted")
        } catch {
            #expect(error.message == "spec.source.helm.valueFiles must be a list of strings, not string")
        }
        do {
            _ = try ApplicationSource(["repoURL": "file:///r", "kustomize": ["replicas": [["name": "web", "count": "many"]]]])
            Issue.record("a replica count that is not a number was accepted")
        } catch {
            #expect(error.message.contains("spec.source.kustomize.replicas[0].count"))
        }
    }
}
