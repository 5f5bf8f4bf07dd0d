import Foundation

/// Renders chart variants with real Helm v4 through helm-python-sdk, combining value files and `--set`
/// arguments as the Helm CLI does (`values.Options.MergeValues`): files merged in order with Helm's
/// `mergeMaps`, then `--set`, then `--set-string`, each parsed by Helm's own `strvals`.
enum ChartVariantReference {
    /// Helm's `MergeValues` around the SDK's `strvals` parsers and renderer. Parsing each argument on its
    /// own and merging the result is what `strvals.ParseInto` does for the keys the variants set.
    private static let script = #"""
        import json, sys
        from helm_python import parse_set_string, parse_set_string_values
        from helm_python.chart import Chart, values_from_yaml

        def merge(base, override):
            merged = dict(base)
            for key, value in override.items():
                if isinstance(value, dict) and isinstance(merged.get(key), dict):
                    merged[key] = merge(merged[key], value)
                else:
                    merged[key] = value
            return merged

        def render(case):
            try:
                values = {}
                for text in case["valueFiles"]:
                    values = merge(values, values_from_yaml(text) or {})
                for argument in case["set"]:
                    values = merge(values, parse_set_string(argument))
                for argument in case["setString"]:
                    values = merge(values, parse_set_string_values(argument))
                with Chart.load(case["directory"]) as chart:
                    return {"manifests": chart.render(values=values, name=case["name"], namespace=case["namespace"])}
            except Exception as error:
                return {"error": str(error)}

        cases = json.load(open(sys.argv[1], encoding="utf-8"))
        json.dump({case["id"]: render(case) for case in cases}, open(sys.argv[2], "w", encoding="utf-8"))
        """#

    private struct Case: Encodable {
        let variant: ChartVariant
        let directory: String

        enum CodingKeys: String, CodingKey {
            case id, directory, valueFiles, set, setString, name, namespace
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(variant.id, forKey: .id)
            try container.encode(directory, forKey: .directory)
            try container.encode(variant.valueFiles, forKey: .valueFiles)
            try container.encode(variant.set, forKey: .set)
            try container.encode(variant.setString, forKey: .setString)
            try container.encode(variant.name, forKey: .name)
            try container.encode(variant.namespace, forKey: .namespace)
        }
    }

    /// Where the variants' charts live when they are not a shared test chart as it is: copies with their
    /// dependencies placed under `charts/`, and charts made of a variant's files.
    static let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-chart-variants-\(UUID().uuidString)")

    /// The chart directory a variant renders.
    static func directory(for variant: ChartVariant) throws -> URL {
        let source = HelmChartReference.chartsDirectory.appendingPathComponent(variant.chart)
        guard !variant.dependencies.isEmpty || !variant.files.isEmpty else { return source }
        let copy = workspace.appendingPathComponent(variant.id).appendingPathComponent(variant.chart)
        if !FileManager.default.fileExists(atPath: copy.path) {
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            if variant.files.isEmpty {
                try FileManager.default.copyItem(at: source, to: copy)
            }
            for (path, text) in variant.files {
                let url = copy.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            let charts = copy.appendingPathComponent("charts")
            try FileManager.default.createDirectory(at: charts, withIntermediateDirectories: true)
            for dependency in variant.dependencies {
                try FileManager.default.copyItem(at: HelmChartReference.chartsDirectory.appendingPathComponent(dependency), to: charts.appendingPathComponent(dependency))
            }
        }
        return copy
    }

    /// Helm's renderings of the variants, by id.
    static func render(_ variants: [ChartVariant]) -> [String: HelmChartReference.Result] {
        guard let python = HelmChartReference.python else { return [:] }
        do {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-helm-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let input = directory.appendingPathComponent("cases.json"), output = directory.appendingPathComponent("results.json")
            try JSONEncoder().encode(try variants.map { Case(variant: $0, directory: try self.directory(for: $0).path) }).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-c", script, input.path, output.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { fatalError("rendering chart variants with Helm exited with \(process.terminationStatus)") }
            return try JSONDecoder().decode([String: HelmChartReference.Result].self, from: Data(contentsOf: output))
        } catch {
            fatalError("rendering chart variants with Helm failed: \(error)")
        }
    }
}
