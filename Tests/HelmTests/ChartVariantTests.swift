import Foundation
import Helm
import Testing

/// Renders real charts with values other than their defaults — features switched on, value files
/// layered, `--set` and `--set-string` overrides, `null` deleting defaults, subcharts enabled by
/// condition — with Wharf and with real Helm v4, and requires the same manifests.
@Suite("Chart variants render as with Helm", .enabled(if: HelmChartReference.isAvailable, "needs helm-python-sdk in .venv (or WHARF_TEST_PYTHON) and ../shared/testdata/helm-charts"))
struct ChartVariantTests {
    static let variants: [ChartVariant] = [
        ChartVariant(
            id: "alertmanager-ingress-env-pdb", chart: "alertmanager",
            valueFiles: [
                """
                ingress:
                  enabled: true
                  className: nginx
                  annotations: {cert-manager.io/cluster-issuer: letsencrypt}
                  hosts:
                    - host: alerts.example.com
                      paths: [{path: /, pathType: Prefix}]
                  tls:
                    - secretName: alerts-tls
                      hosts: [alerts.example.com]
                extraEnv:
                  - name: GOMAXPROCS
                    value: "2"
                podDisruptionBudget:
                  maxUnavailable: 1
                podAnnotations: {prometheus.io/scrape: "true"}
                """,
            ],
            set: ["replicaCount=3", "persistence.enabled=false", "extraArgs.log\\.level=debug"],
            name: "alerts", namespace: "monitoring"),
        ChartVariant(
            id: "alertmanager-null-deletes-defaults", chart: "alertmanager",
            valueFiles: ["podSecurityContext: null\nsecurityContext: null\nconfig:\n  receivers: null\n"],
            set: ["configmapReload.enabled=true", "resources=null"]),
        ChartVariant(
            id: "pushgateway-ingress-statefulset-monitor", chart: "prometheus-pushgateway",
            valueFiles: [
                "ingress:\n  enabled: true\n  hosts: [push.example.com]\n  tls: [{secretName: push-tls, hosts: [push.example.com]}]\n",
                "serviceMonitor:\n  enabled: true\n  additionalLabels: {team: sre}\nrunAsStatefulSet: true\npersistentVolume:\n  enabled: true\n  size: 5Gi\n",
            ],
            set: ["networkPolicy.allowAll=true", "podDisruptionBudget.minAvailable=1", "extraArgs={--push.disable-consistency-check,--log.level=debug}"]),
        ChartVariant(
            id: "kube-state-metrics-monitoring-sharding", chart: "kube-state-metrics",
            valueFiles: ["env:\n  - name: GOGC\n    value: \"50\"\ncollectors: [pods, nodes]\nmetricLabelsAllowlist: [\"pods=[app]\"]\n"],
            set: ["selfMonitor.enabled=true", "networkPolicy.enabled=true", "prometheus.monitor.enabled=true", "autosharding.enabled=true", "rbac.create=false", "replicas=2"],
            setString: ["customLabels.team=007", "podAnnotations.build=42"]),
        ChartVariant(
            id: "node-exporter-rbac-proxy", chart: "prometheus-node-exporter",
            valueFiles: ["tolerations: null\nextraArgs: [--collector.systemd]\npodLabels: {tier: node}\n"],
            set: ["kubeRBACProxy.enabled=true", "prometheus.monitor.enabled=true", "hostNetwork=false", "service.port=9200"]),
        ChartVariant(
            id: "postgres-exporter-with-password", chart: "prometheus-postgres-exporter",
            set: ["config.datasource.password=s3cret", "serviceMonitor.enabled=true", "prometheusRule.enabled=true", "replicaCount=2"]),
        ChartVariant(
            id: "blackbox-exporter-daemonset-layered-files", chart: "prometheus-blackbox-exporter",
            valueFiles: [
                "ingress:\n  enabled: true\n  hosts: [{host: probe.example.com, paths: [{path: /, pathType: ImplementationSpecific}]}]\npodAnnotations: {a: b}\n",
                "ingress:\n  hosts: [{host: blackbox.example.com, paths: [{path: /probe, pathType: Prefix}]}]\nconfig:\n  modules:\n    tcp_connect: {prober: tcp, timeout: 5s}\n",
            ],
            set: ["kind=DaemonSet", "serviceMonitor.enabled=true", "serviceMonitor.targets[0].name=example,serviceMonitor.targets[0].url=http://example.com"]),
        ChartVariant(
            id: "adapter-replicas-pdb-rules", chart: "prometheus-adapter",
            valueFiles: ["rules:\n  default: false\n  custom:\n    - seriesQuery: 'http_requests_total'\n      name: {as: http_requests_per_second}\n      metricsQuery: 'sum(rate(<<.Series>>[5m])) by (<<.GroupBy>>)'\n"],
            set: ["replicas=2", "podDisruptionBudget.enabled=true", "podDisruptionBudget.maxUnavailable=1"]),
        ChartVariant(
            id: "prometheus-with-subcharts", chart: "prometheus",
            dependencies: ["alertmanager", "kube-state-metrics", "prometheus-node-exporter", "prometheus-pushgateway"]),
        ChartVariant(
            id: "prometheus-subcharts-toggled", chart: "prometheus",
            dependencies: ["alertmanager", "kube-state-metrics", "prometheus-node-exporter", "prometheus-pushgateway"],
            valueFiles: ["server:\n  ingress:\n    enabled: true\n    hosts: [prometheus.example.com]\n  persistentVolume:\n    enabled: false\n"],
            set: ["alertmanager.enabled=false", "prometheus-pushgateway.enabled=false", "kube-state-metrics.replicas=2", "prometheus-node-exporter.hostNetwork=false"],
            name: "prom", namespace: "observability"),
        ChartVariant(
            id: "umbrella-alias-tags-import-values-globals", chart: "umbrella",
            files: [
                "Chart.yaml": """
                    apiVersion: v2
                    name: umbrella
                    version: 1.0.0
                    dependencies:
                      - name: prometheus-node-exporter
                        version: "*"
                        alias: nodes
                        condition: nodes.enabled,monitoring.nodes
                      - name: kube-state-metrics
                        version: "*"
                        tags: [metrics]
                      - name: prometheus-pushgateway
                        version: "*"
                        tags: [metrics, push]
                        import-values:
                          - child: service
                            parent: pushgatewayService
                      - name: alertmanager
                        version: "*"
                        condition: alertmanager.enabled
                    """,
                "values.yaml": """
                    global:
                      imageRegistry: registry.example.com
                      labels: {owner: platform}
                    tags:
                      metrics: false
                      push: true
                    monitoring:
                      nodes: false
                    nodes:
                      enabled: true
                      fullnameOverride: nodes
                    alertmanager:
                      enabled: false
                    pushgatewayService:
                      port: 9999
                    """,
                "templates/summary.yaml": """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: {{ .Release.Name }}-summary
                    data:
                      pushgatewayPort: {{ .Values.pushgatewayService.port | quote }}
                      pushgatewayType: {{ .Values.pushgatewayService.type | quote }}
                      subcharts: {{ keys .Subcharts | sortAlpha | join "," | quote }}
                      registry: {{ .Values.global.imageRegistry }}
                      dependencies: {{ range .Chart.Dependencies }}{{ .Name }}{{ if .Alias }}/{{ .Alias }}{{ end }} {{ end }}
                    """,
            ],
            dependencies: ["alertmanager", "kube-state-metrics", "prometheus-node-exporter", "prometheus-pushgateway"],
            set: ["tags.metrics=true", "nodes.service.port=9300"]),
    ]

    static let helm = ChartVariantReference.render(variants)

    @Test(arguments: variants)
    func rendersLikeHelm(_ variant: ChartVariant) throws {
        let helm = try #require(Self.helm[variant.id])
        let wharf = Result { () throws -> [String: String] in
            let chart = try ChartLoader.load(path: try ChartVariantReference.directory(for: variant).path)
            let values = try HelmValues.userValues(valueFiles: variant.valueFiles.enumerated().map { ("values-\($0.offset).yaml", $0.element) }, set: variant.set, setString: variant.setString)
            return try HelmEngine().render(chart, values: values, options: ReleaseOptions(name: variant.name, namespace: variant.namespace))
        }
        ManifestComparison.expectSame(helm: helm, wharf: wharf, label: variant.id)
        // A variant that Helm cannot render proves nothing about the values.
        #expect(helm.manifests != nil, "Helm failed: \(helm.error ?? "")")
    }
}
