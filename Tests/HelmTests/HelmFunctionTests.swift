import Foundation
import Helm
import Testing

/// Helm's own template functions (`fromToml`, `toToml`, `fromYaml`, `include`, `tpl`, `.Subcharts`,
/// `.Chart.Dependencies`) on small charts, rendered with Wharf and with real Helm v4.
@Suite("Helm functions render as with Helm", .enabled(if: HelmChartReference.isAvailable, "needs helm-python-sdk in .venv (or WHARF_TEST_PYTHON)"))
struct HelmFunctionTests {
    private static let chartYAML = "apiVersion: v2\nname: functions\nversion: 0.1.0\n"

    static let charts: [ChartVariant] = [
        ChartVariant(id: "from-toml", chart: "functions", files: [
            "Chart.yaml": chartYAML,
            "values.yaml": "config: |\n  title = \"demo\"\n  [server]\n  port = 8080\n  hosts = [\"a\", \"b\"]\n  [[rules]]\n  name = \"r1\"\n  [[rules]]\n  name = \"r2\"\n",
            "templates/values.txt": #"{{ $t := fromToml .Values.config }}{{ $t.title }} {{ $t.server.port }} {{ typeOf $t.server.port }} {{ $t.server.hosts }} {{ range $t.rules }}{{ .name }},{{ end }} {{ typeOf $t.rules }}"#,
            "templates/scalars.txt": #"""
                {{- $t := "i = -42\nf = 6.02e23\nh = 0xDEAD_beef\no = 0o755\nb = 0b1101\ninf = -inf\nflag = false\nlit = 'C:\\path'\nml = \"\"\"\nRoses\\\n   are red\"\"\"\nmll = '''\nfirst\nsecond'''\nesc = \"tab\\there \\\"q\\\" \\u00e9\"\n" | fromToml -}}
                {{ range $k, $v := $t }}{{ $k }}={{ $v }} ({{ typeOf $v }})
                {{ end }}
                """#,
            "templates/tables.txt": #"""
                {{- $t := "[a.b.c]\nx = 1\n[a]\ny = 2\n[d]\ne = { f = 1, g.h = [1, { i = 2 }] }\n\"quoted.key\" = 'v'\nsite.\"example.com\" = true\n" | fromToml -}}
                {{ $t }} {{ typeOf $t.d.e.g.h }}
                """#,
            "templates/times.txt": #"""
                {{- $t := "odt = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00.999999-07:00\nldt = 1979-05-27T07:32:00\nld = 1979-05-27\nlt = 07:32:00.5\nsp = 1979-05-27 07:32:00+01:30\n" | fromToml -}}
                {{ range $k, $v := $t }}{{ $k }}={{ $v }} {{ $v.Unix }}
                {{ end }}
                """#,
            "templates/errors.txt": #"""
                {{ "a = " | fromToml }}
                {{ "x = 1\nx = 2" | fromToml }}
                {{ "[a]\n[a]" | fromToml }}
                {{ "a = 01" | fromToml }}
                {{ "x = 1 y = 2" | fromToml }}
                {{ "x = \"open" | fromToml }}
                {{ "x = 1979-13-27" | fromToml }}
                {{ "x = 9223372036854775808" | fromToml }}
                {{ "= 1" | fromToml }}
                {{ "" | fromToml }}
                """#,
            "templates/to-toml.txt": #"{{ dict "name" "x" "port" 80 "ratio" 0.5 "tags" (list "a" "b") "server" (dict "host" "h" "tls" (dict "on" true)) | toToml }}"#,
        ]),
        ChartVariant(id: "to-yaml", chart: "functions", files: [
            "Chart.yaml": chartYAML,
            "values.yaml": """
                keys: {a10: 1, a2: 2, _x: 3, B: 4, b: 5, "01": 6, "1": 7, a01: 8, é: 9, "a-b": 10, a.b: 11}
                words: [yes, "on", "true", "null", Off, y, n, ok, a.b/c-d_e, x1, "~", "<<", "1:20", "0x1F", "1e3", ".inf", -x, "a: b", "#c"]
                numbers: [1, -0.0, 1.5, 1.0e15, 1.0e20, 1.0e21, 123456789012345678, 1.0e-7, 0.1]
                """,
            "templates/yaml.txt": "{{ toYaml .Values }}",
        ]),
        ChartVariant(id: "subcharts-and-dependencies", chart: "parent", files: [
            "Chart.yaml": "apiVersion: v2\nname: parent\nversion: 1.0.0\ndependencies:\n  - name: prometheus-pushgateway\n    version: '*'\n    alias: push\n  - name: alertmanager\n    version: '*'\n    condition: alertmanager.enabled\n",
            "values.yaml": "push:\n  fullnameOverride: gateway\nalertmanager:\n  enabled: false\n",
            "templates/info.txt": #"""
                {{ keys .Subcharts | sortAlpha }} {{ .Subcharts.push.Values.fullnameOverride }} {{ .Subcharts.push.Chart.Name }} {{ .Subcharts.push.Chart.IsRoot }}
                {{ include "prometheus-pushgateway.fullname" .Subcharts.push }}
                {{ range .Chart.Dependencies }}{{ toJson . }}{{ end }}
                """#,
        ], dependencies: ["alertmanager", "prometheus-pushgateway"]),
        ChartVariant(id: "files-glob", chart: "functions", files: [
            "Chart.yaml": chartYAML,
            "files/a.txt": "A\n", "files/b.txt": "B\n", "files/c.conf": "C\n", "files/sub/d.txt": "D\n",
            "templates/glob.txt": #"""
                {{ (.Files.Glob "files/{a,c}.*").AsConfig }}
                {{ range $path, $_ := .Files.Glob "files/*" }}{{ $path }} {{ end }}
                {{ range $path, $_ := .Files.Glob "files/**" }}{{ $path }} {{ end }}
                {{ range $path, $_ := .Files.Glob "files/[ab].txt" }}{{ $path }} {{ end }}
                """#,
        ]),
    ]

    static let helm = ChartVariantReference.render(charts)

    @Test(arguments: charts)
    func rendersLikeHelm(_ variant: ChartVariant) throws {
        let helm = try #require(Self.helm[variant.id])
        let wharf = Result { () throws -> [String: String] in
            try HelmEngine().render(try ChartLoader.load(path: try ChartVariantReference.directory(for: variant).path))
        }
        ManifestComparison.expectSame(helm: helm, wharf: wharf, label: variant.id)
        #expect(helm.manifests != nil, "Helm failed: \(helm.error ?? "")")
    }
}
