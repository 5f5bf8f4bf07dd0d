import ClusterTestSupport
import Foundation
import KubeModel
import RepoServer
import Testing

/// Sources that name a chart in a Helm repository render it like a chart in Git.
@Suite(.enabled(if: Reference.hasPython, "python (.venv) serves the chart repository and is the Helm reference"))
struct ChartRepositorySourceTests {
    @Test("a chart from an HTTP chart repository, with a value file shipped inside the chart, renders as Helm renders it")
    func httpRepository() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-chart-repo-\(UUID().uuidString)")
        let served = root.appendingPathComponent("served")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let chart = Reference.repository.deletingLastPathComponent().appendingPathComponent("shared/testdata/helm-charts/prometheus-pushgateway")
        _ = try await Reference.run("tar", ["-czf", served.appendingPathComponent("prometheus-pushgateway-3.8.0.tgz").path, "-C", chart.deletingLastPathComponent().path, "prometheus-pushgateway"])
        try """
            apiVersion: v1
            entries:
              prometheus-pushgateway:
              - apiVersion: v2
                name: prometheus-pushgateway
                version: 3.8.0
                urls:
                - prometheus-pushgateway-3.8.0.tgz
            """.write(to: served.appendingPathComponent("index.yaml"), atomically: true, encoding: .utf8)
        let port = try ServerProcess.freePort()
        let server = try await ServerProcess(
            Reference.python, arguments: ["-u", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", served.path], port: port,
            readyMarker: "Serving HTTP", logFile: root.appendingPathComponent("http.log"))
        defer { server.stop() }

        let service = try RepoService(configuration: RepoServerConfiguration(cacheDirectory: root.appendingPathComponent("cache")))
        let source = try ApplicationSource([
            "repoURL": .string("http://127.0.0.1:\(port)"), "chart": "prometheus-pushgateway", "targetRevision": "3.x",
            "helm": ["valueFiles": ["ci/podlabels-values.yaml"], "parameters": [["name": "replicaCount", "value": "2"]]],
        ])
        let response = try await service.generate(ManifestRequest(source: source, appName: "gateway", namespace: "monitoring"))
        #expect(response.sourceType == .helm)
        #expect(response.revision.hasPrefix("3.8.0@sha256:"))
        let values = try YAMLReader.read(String(contentsOf: chart.appendingPathComponent("ci/podlabels-values.yaml"), encoding: .utf8))
        var merged = values
        merged["replicaCount"] = 2
        let expected = try await Reference.helm(chart: chart, values: merged, name: "gateway", namespace: "monitoring")
        #expect(Reference.sameObjects(response.objects, expected))

        let cached = try await service.generate(ManifestRequest(source: source, appName: "gateway", namespace: "monitoring"))
        #expect(cached.origin == .cached)

        let missing = try ApplicationSource(["repoURL": .string("http://127.0.0.1:\(port)"), "chart": "prometheus-pushgateway", "targetRevision": "9.x"])
        await #expect(throws: SourceError.self) { try await service.generate(ManifestRequest(source: missing, appName: "gateway")) }
    }
}
