import Foundation
import Helm
import Testing

/// Pulling charts from an HTTPS chart repository made by real Helm (`helm package`, `helm repo
/// index`), served with basic authentication and a certificate from a private CA.
@Suite("HTTP chart repositories", .enabled(if: ChartRepositoryServer.shared != nil, "needs helm-python-sdk in .venv, openssl and ../shared/testdata/helm-charts"))
struct ChartRepositoryTests {
    private var server: ChartRepositoryServer { ChartRepositoryServer.shared! }

    private func repository(password: String = ChartRepositoryServer.password, trustingCA: Bool = true, cache: ChartDownloadCache? = nil) -> HTTPChartRepository {
        let options = RepositoryOptions(username: ChartRepositoryServer.username, password: password, caCertificatesPEM: trustingCA ? server.caCertificate : nil)
        return HTTPChartRepository(url: server.url, options: options, cache: cache)
    }

    @Test func pullsTheArchiveHelmPackagedAndItRendersLikeTheChart() async throws {
        let download = try await repository().pull(chart: "prometheus-pushgateway", version: "1.1.0")
        #expect(download.version == "1.1.0")
        #expect(download.archive == (try server.archive(version: "1.1.0")))
        let pulled = try HelmEngine(cache: nil).render(try download.load())
        let local = try HelmEngine(cache: nil).render(try ChartLoader.load(path: HelmChartReference.chartsDirectory.appendingPathComponent("prometheus-pushgateway").path))
        #expect(pulled["prometheus-pushgateway/templates/deployment.yaml"]?.contains("helm.sh/chart: prometheus-pushgateway-1.1.0") == true)
        #expect(Set(pulled.keys) == Set(local.keys))
    }

    @Test func picksVersionsAsHelmDoes() async throws {
        let index = try await repository().index()
        #expect(try index.entry(named: "prometheus-pushgateway").version == "1.1.0", "newest stable")
        #expect(try index.entry(named: "prometheus-pushgateway", version: "^1.0").version == "1.1.0")
        #expect(try index.entry(named: "prometheus-pushgateway", version: "~1.0.0").version == "1.0.0")
        #expect(try index.entry(named: "prometheus-pushgateway", version: ">=2.0.0-0").version == "2.0.0-rc.1")
        #expect(try index.entry(named: "prometheus-pushgateway", version: "2.0.0-rc.1").version == "2.0.0-rc.1")
        let missing = #expect(throws: HelmError.self) { try index.entry(named: "prometheus-pushgateway", version: "3.x") }
        #expect(missing?.description == "chart \"prometheus-pushgateway\" version \"3.x\" not found in repository")
    }

    @Test func wrongPasswordIsReportedWithTheStatus() async throws {
        let error = await #expect(throws: HelmError.self) { try await repository(password: "wrong").index() }
        #expect(error?.description == "looks like \(server.url) is not a valid chart repository or cannot be reached: failed to fetch \(server.url)/index.yaml : 401 Unauthorized")
    }

    @Test func certificateFromAnUntrustedCAIsRefused() async throws {
        let error = await #expect(throws: HelmError.self) { try await repository(trustingCA: false).index() }
        #expect(error?.description.hasPrefix("cannot reach \(server.url)/index.yaml: TLS handshake failed") == true)
        #expect(error?.description.contains("CERTIFICATE_VERIFY_FAILED") == true, "\(error?.description ?? "")")
    }

    @Test func secondPullComesFromTheCacheByDigest() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-chart-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ChartDownloadCache(directory: directory)
        let before = server.requestedPaths.filter { $0.hasSuffix("prometheus-pushgateway-1.0.0.tgz") }.count
        let first = try await repository(cache: cache).pull(chart: "prometheus-pushgateway", version: "1.0.0")
        let second = try await repository(cache: cache).pull(chart: "prometheus-pushgateway", version: "1.0.0")
        #expect(!first.fromCache)
        #expect(second.fromCache)
        #expect(second.archive == first.archive)
        #expect(second.digest == ChartDownloadCache.digest(of: try server.archive(version: "1.0.0")))
        #expect(server.requestedPaths.filter { $0.hasSuffix("prometheus-pushgateway-1.0.0.tgz") }.count == before + 1)
    }
}
