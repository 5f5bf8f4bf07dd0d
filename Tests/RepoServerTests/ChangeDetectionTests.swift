import ClusterTestSupport
import Foundation
import KubeModel
import RepoServer
import Testing

/// A new commit regenerates only the applications whose inputs it touched.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is needed for the repository tests"))
struct ChangeDetectionTests {
    let root: URL
    let repository: AppRepository

    init() async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-changes-\(UUID().uuidString)")
        repository = try await AppRepository(in: root)
    }

    private func configMap(_ name: String, _ value: String) -> String {
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata:\n  value: \"\(value)\"\n"
    }

    private func service() throws -> RepoService {
        try RepoService(configuration: RepoServerConfiguration(cacheDirectory: root.appendingPathComponent("cache")))
    }

    private func request(_ index: Int, generatePaths: String = "") -> ManifestRequest {
        let path = String(format: "apps/app-%03d", index)
        return ManifestRequest(source: ApplicationSource(repoURL: repository.url, path: path, targetRevision: "main"), appName: "app-\(index)", generatePaths: generatePaths)
    }

    private func generateAll(_ service: RepoService, count: Int) async throws -> [ManifestResponse] {
        try await withThrowingTaskGroup(of: (Int, ManifestResponse).self) { group in
            for index in 0..<count {
                group.addTask { (index, try await service.generate(request(index))) }
            }
            var responses = [ManifestResponse?](repeating: nil, count: count)
            for try await (index, response) in group { responses[index] = response }
            return responses.map { $0! }
        }
    }

    @Test("monorepo: 500 apps, a commit touching one path makes exactly one generation and one fetch")
    func monorepo() async throws {
        var files: [String: String] = [:]
        for index in 0..<500 { files[String(format: "apps/app-%03d/config.yaml", index)] = configMap("app-\(index)", "1") }
        try repository.write(files)
        try await repository.commit()
        let service = try service()
        let first = try await generateAll(service, count: 500)
        #expect(first.allSatisfy { $0.origin == .generated && $0.objects.count == 1 })
        #expect(service.metrics.generations == 500)
        #expect(service.metrics.gitRequests(type: "fetch") == 1)
        #expect(service.metrics.gitRequests(type: "ls-remote") == 1, "500 concurrent requests share one resolution")

        try repository.write(["apps/app-007/config.yaml": configMap("app-7", "2")])
        let commit = try await repository.commit()
        await service.forgetRevisions(of: repository.url)
        let second = try await generateAll(service, count: 500)
        #expect(service.metrics.generations == 501, "only the changed application was generated again")
        #expect(service.metrics.gitRequests(type: "fetch") == 2, "one fetch brought the new commit for everybody")
        #expect(second[7].origin == .generated)
        #expect(second[7].objects.first?[path: ["data", "value"]] == "2")
        #expect(second.enumerated().filter { $0.offset != 7 }.allSatisfy { $0.element.origin == .reused && $0.element.revision == commit })
        let exposition = service.metrics.exposition()
        #expect(exposition.contains("argocd_git_request_total{repo=\"\(repository.url)\",request_type=\"fetch\"} 2"))
        #expect(exposition.contains("argocd_git_request_duration_seconds_count{repo=\"\(repository.url)\",request_type=\"ls-remote\"} 2"))
        #expect(exposition.contains("argocd_repo_pending_request_total{repo=\"\(repository.url)\"} 0"))
    }

    @Test("manifest-generate-paths widens what counts as a change; Kustomize bases outside the path count by themselves")
    func watchedPaths() async throws {
        try repository.write([
            "apps/app-000/config.yaml": configMap("a", "1"), "shared/notes.txt": "v1\n",
            "base/kustomization.yaml": "resources:\n- cm.yaml\n", "base/cm.yaml": configMap("base", "1"),
            "overlay/kustomization.yaml": "resources:\n- ../base\nnamePrefix: o-\n",
        ])
        try await repository.commit()
        let service = try service()
        let annotated = request(0, generatePaths: "/shared")
        let plain = ManifestRequest(source: ApplicationSource(repoURL: repository.url, path: "apps/app-000", targetRevision: "main"), appName: "plain")
        let overlay = ManifestRequest(source: ApplicationSource(repoURL: repository.url, path: "overlay", targetRevision: "main"), appName: "overlay")
        for request in [annotated, plain, overlay] { _ = try await service.generate(request) }

        try repository.write(["shared/notes.txt": "v2\n"])
        try await repository.commit()
        await service.forgetRevisions()
        #expect(try await service.generate(annotated).origin == .generated, "the annotation names /shared")
        #expect(try await service.generate(plain).origin == .reused)
        #expect(try await service.generate(overlay).origin == .reused)

        try repository.write(["base/cm.yaml": configMap("base", "2")])
        try await repository.commit()
        await service.forgetRevisions()
        let rebuilt = try await service.generate(overlay)
        #expect(rebuilt.origin == .generated, "the overlay reads ../base")
        #expect(rebuilt.objects.first?[path: ["data", "value"]] == "2")
        #expect(try await service.generate(plain).origin == .reused)
    }

    @Test("a changed plain directory is regenerated from its path alone, and a full checkout is used once it reads outside")
    func partialCheckouts() async throws {
        try repository.write([
            "apps/app-000/config.yaml": configMap("a", "1"), "base/kustomization.yaml": "resources:\n- cm.yaml\n", "base/cm.yaml": configMap("base", "1"),
        ])
        try await repository.commit()
        let service = try service()
        _ = try await service.generate(request(0))
        try repository.write(["apps/app-000/config.yaml": configMap("a", "2")])
        try await repository.commit()
        await service.forgetRevisions()
        let changed = try await service.generate(request(0))
        #expect(changed.origin == .generated && changed.objects.first?[path: ["data", "value"]] == "2")

        // The application becomes an overlay of ../base: its path alone is no longer enough.
        try FileManager.default.removeItem(at: repository.directory.appendingPathComponent("apps/app-000/config.yaml"))
        try repository.write(["apps/app-000/kustomization.yaml": "resources:\n- ../../base\nnamePrefix: x-\n"])
        try await repository.commit()
        await service.forgetRevisions()
        let overlay = try await service.generate(request(0))
        #expect(overlay.sourceType == .kustomize)
        #expect(overlay.objects.first?[path: ["metadata", "name"]] == "x-base")
    }

    @Test("a restarted repo server answers from the disk cache without generating or checking out")
    func restart() async throws {
        try repository.write(["apps/app-000/config.yaml": configMap("a", "1")])
        try await repository.commit()
        let before = try await service().generate(request(0))
        let restarted = try service()
        let after = try await restarted.generate(request(0))
        #expect(after.origin == .cached)
        #expect(after.objects == before.objects)
        #expect(restarted.metrics.generations == 0)
        #expect(restarted.metrics.gitRequests(type: "fetch") == 0)
    }

    @Test("identical requests at the same time share one generation")
    func identicalRequests() async throws {
        try repository.write(["apps/app-000/config.yaml": configMap("a", "1")])
        try await repository.commit()
        let service = try service()
        let responses = try await withThrowingTaskGroup(of: ManifestResponse.self) { group in
            for _ in 0..<20 { group.addTask { try await service.generate(request(0)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(responses.count == 20 && responses.allSatisfy { $0.objects.count == 1 })
        #expect(service.metrics.generations == 1)
    }

    @Test("a hard refresh generates again even when the cache has the answer")
    func hardRefresh() async throws {
        try repository.write(["apps/app-000/config.yaml": configMap("a", "1")])
        try await repository.commit()
        let service = try service()
        _ = try await service.generate(request(0))
        var hard = request(0)
        hard.bypassCache = true
        #expect(try await service.generate(hard).origin == .generated)
        #expect(service.metrics.generations == 2)
    }
}
