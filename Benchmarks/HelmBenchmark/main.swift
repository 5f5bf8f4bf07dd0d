import Foundation
import GoTemplate
import Helm

/// Renders every test chart with Wharf (cold: load, parse and render; warm: render from the parsed-chart
/// cache; load: reading the chart alone) and with Helm through helm-python-sdk in the same run, and
/// prints the times and ratios.
///
/// Usage: HelmBenchmark [CHARTS_DIRECTORY] [--no-helm] [--warm-renders=N]
///
/// `--warm-renders` (default 5) sets how many warm renders each chart gets; a large count makes the warm
/// path dominate a profile.
let arguments = CommandLine.arguments.dropFirst()
let warmRenders = arguments.first { $0.hasPrefix("--warm-renders=") }.flatMap { Int($0.dropFirst("--warm-renders=".count)) } ?? 5
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let chartsDirectory = arguments.first { !$0.hasPrefix("--") }.map { URL(fileURLWithPath: $0) }
    ?? repository.deletingLastPathComponent().appendingPathComponent("shared/testdata/helm-charts")
let names = ((try? FileManager.default.contentsOfDirectory(atPath: chartsDirectory.path)) ?? [])
    .filter { FileManager.default.fileExists(atPath: chartsDirectory.appendingPathComponent($0 + "/Chart.yaml").path) }.sorted()

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Helm's fastest of three renders per chart, through tools/helm/render_charts.py.
func helmTimes() -> [String: Double] {
    let python = ProcessInfo.processInfo.environment["WHARF_TEST_PYTHON"] ?? repository.appendingPathComponent(".venv/bin/python").path
    guard !arguments.contains("--no-helm"), FileManager.default.isExecutableFile(atPath: python) else { return [:] }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-helm-bench-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let cases = names.map { ["id": $0, "chart": chartsDirectory.appendingPathComponent($0).path, "name": "release-name", "namespace": "default"] }
    let input = directory.appendingPathComponent("cases.json"), output = directory.appendingPathComponent("out.json")
    let payload = "[" + cases.map { entry in
        "{" + entry.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ") + ", \"values\": {}}"
    }.joined(separator: ", ") + "]"
    try? payload.write(to: input, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [repository.appendingPathComponent("tools/helm/render_charts.py").path, input.path, output.path, "3"]
    try? process.run()
    process.waitUntilExit()
    guard let data = try? Data(contentsOf: output), let json = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else { return [:] }
    return json.compactMapValues { $0["seconds"] as? Double }
}

let helm = helmTimes()
print("chart".padding(toLength: 48, withPad: " ", startingAt: 0), "load ms", "wharf cold ms", "wharf warm ms", "helm ms", "cold ratio", "warm ratio", separator: "\t")
// Totals over the charts both engines render, so that the ratios compare the same work.
var totals = (cold: 0.0, warm: 0.0, helm: 0.0)
for name in names {
    let path = chartsDirectory.appendingPathComponent(name).path
    // Cold: load, parse and render with an empty cache; like Helm's time, the fastest of three, so that
    // one-time process start-up (building the function library) is not counted.
    var failure: String?
    var cold = Double.infinity
    for _ in 0..<3 {
        let engine = HelmEngine(cache: RenderCache(capacity: 4))
        cold = min(cold, seconds {
            do {
                _ = try engine.render(try ChartLoader.load(path: path))
            } catch {
                failure = "\(error)".split(separator: "\n").first.map(String.init)
            }
        })
    }
    var load = Double.infinity
    for _ in 0..<3 { load = min(load, seconds { _ = try? ChartLoader.load(path: path) }) }
    let engine = HelmEngine(cache: RenderCache(capacity: 4))
    let chart = try? ChartLoader.load(path: path)
    var warm = Double.infinity
    for _ in 0..<warmRenders {
        warm = min(warm, seconds { _ = try? chart.map { try engine.render($0) } })
    }
    let helmSeconds = helm[name]
    if let helmSeconds, failure == nil {
        totals.cold += cold
        totals.warm += warm
        totals.helm += helmSeconds
    }
    func ms(_ value: Double) -> String { String(format: "%.2f", value * 1000) }
    let ratios = helmSeconds.map { [String(format: "%.2fx", $0 / cold), String(format: "%.1fx", $0 / warm)] } ?? ["-", "-"]
    print(name.padding(toLength: 48, withPad: " ", startingAt: 0), ms(load), ms(cold), ms(warm), helmSeconds.map(ms) ?? "-", ratios[0], ratios[1], failure.map { "(\($0))" } ?? "", separator: "\t")
}
print("total (charts both render)".padding(toLength: 48, withPad: " ", startingAt: 0), "", String(format: "%.1f", totals.cold * 1000), String(format: "%.1f", totals.warm * 1000), String(format: "%.1f", totals.helm * 1000),
      totals.helm > 0 ? String(format: "%.2fx", totals.helm / totals.cold) : "-", totals.helm > 0 ? String(format: "%.1fx", totals.helm / totals.warm) : "-", separator: "\t")
print("ratios are Helm time / Wharf time (above 1 means Wharf is faster); Helm time is its fastest of three renders in one Python process")
