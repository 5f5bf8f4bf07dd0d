import Foundation
import Helm
import Testing

/// Pulling charts that real Helm pushed to a real OCI registry (the distribution registry with token
/// authentication), by tag and by digest, through the download cache.
@Suite("OCI chart registries", .enabled(if: OCIRegistryServer.shared != nil, "needs helm-python-sdk in .venv, openssl, docker-registry and ../shared/testdata/helm-charts"))
struct OCIRegistryTests {
    private var server: OCIRegistryServer { OCIRegistryServer.shared! }

    private func registry(password: String = OCIRegistryServer.password, cache: ChartDownloadCache? = nil) -> OCIChartRegistry {
        OCIChartRegistry(options: RepositoryOptions(username: OCIRegistryServer.username, password: password, plainHTTP: true), cache: cache)
    }

    private var chartReference: String { "oci://\(server.registry)/charts/\(OCIRegistryServer.chart)" }

    @Test func pullsByTagWhatHelmPushed() async throws {
        let download = try await registry().pull(try OCIReference(chartReference + ":" + OCIRegistryServer.version))
        #expect(download.archive == server.archive)
        #expect(download.version == OCIRegistryServer.version)
        #expect(download.digest == ChartDownloadCache.digest(of: server.archive))
        let rendered = try HelmEngine(cache: nil).render(try download.load())
        #expect(rendered["prometheus-pushgateway/templates/deployment.yaml"]?.contains("helm.sh/chart: prometheus-pushgateway-1.1.0") == true)
    }

    @Test func pullsByVersionAsTag() async throws {
        let download = try await registry().pull(try OCIReference(chartReference, version: OCIRegistryServer.version))
        #expect(download.archive == server.archive)
    }

    @Test func pullByDigestIsServedFromTheCacheWithoutTheRegistry() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-oci-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ChartDownloadCache(directory: directory)
        let first = try await registry(cache: cache).pull(try OCIReference(chartReference + "@" + server.manifestDigest))
        #expect(!first.fromCache)
        // Nothing listens on port 1: only the cache can answer.
        let offline = try OCIReference("oci://127.0.0.1:1/charts/\(OCIRegistryServer.chart)@\(server.manifestDigest)")
        let second = try await registry(cache: cache).pull(offline)
        #expect(second.fromCache)
        #expect(second.archive == server.archive)
    }

    @Test func wrongPasswordIsRefusedByTheTokenService() async throws {
        let error = await #expect(throws: HelmError.self) { try await registry(password: "wrong").pull(try OCIReference(chartReference + ":1.1.0")) }
        #expect(error?.description.hasPrefix("the registry's token service refused access to http://\(server.registry)/v2/charts/\(OCIRegistryServer.chart)/manifests/1.1.0") == true, "\(error?.description ?? "")")
        #expect(error?.description.hasSuffix("answered 401 Unauthorized") == true)
    }

    @Test func unknownTagIsReported() async throws {
        let error = await #expect(throws: HelmError.self) { try await registry().pull(try OCIReference(chartReference + ":9.9.9")) }
        #expect(error?.description == "failed to fetch http://\(server.registry)/v2/charts/\(OCIRegistryServer.chart)/manifests/9.9.9 : 404 Not Found")
    }

    @Test func referencesParseLikeHelms() throws {
        let tagged = try OCIReference("oci://registry.example.com:5000/team/charts/app:1.2.3")
        #expect(tagged == (try OCIReference("oci://registry.example.com:5000/team/charts/app", version: "1.2.3")))
        #expect(tagged.registry == "registry.example.com:5000")
        #expect(tagged.repository == "team/charts/app")
        #expect(tagged.tag == "1.2.3")
        #expect(try OCIReference("oci://r.example/app", version: "1.0.0+build.1").tag == "1.0.0_build.1")
        let error = #expect(throws: HelmError.self) { try OCIReference("oci://r.example/app") }
        #expect(error?.description == "oci://r.example/app: give a tag (:1.2.3), a digest (@sha256:...) or a version")
    }
}
