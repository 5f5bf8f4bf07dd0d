import Crypto
import Foundation
import KubeModel
import GoTemplate

/// Loads charts from a directory (or from already read files, as a `.tgz` yields them): Chart.yaml,
/// values.yaml, values.schema.json, templates/, charts/ (subchart directories and archives), and every
/// other file not excluded by `.helmignore`.
public enum ChartLoader {
    /// Files larger than this are refused (Helm's limit for a single chart file is 5 MiB by default... a
    /// chart needs far less; this bound keeps hostile charts from exhausting memory).
    public static let maxFileBytes = 64 * 1024 * 1024

    /// Loads the chart in a directory, or the chart archive at a `.tgz` path.
    public static func load(path: String) throws(HelmError) -> Chart {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw HelmError("path \(GoFormat.quote(path)) not found")
        }
        if !isDirectory.boolValue {
            guard let data = FileManager.default.contents(atPath: path) else { throw HelmError("cannot read \(path)") }
            return try load(archive: [UInt8](data), name: path)
        }
        return try load(files: try readDirectory(path), source: path)
    }

    /// Loads a chart archive (`.tgz`).
    public static func load(archive: [UInt8], name: String) throws(HelmError) -> Chart {
        let entries = try ChartArchive.extract(archive, name: name)
        return try load(files: entries, source: name)
    }

    private static func readDirectory(_ root: String) throws(HelmError) -> [ChartFile] {
        let rootURL = URL(fileURLWithPath: root)
        var ignore = HelmIgnore("")
        if let data = FileManager.default.contents(atPath: rootURL.appendingPathComponent(".helmignore").path) {
            ignore = HelmIgnore(String(decoding: data, as: UTF8.self))
        }
        var files: [ChartFile] = []
        func walk(_ relative: String) throws(HelmError) {
            let url = relative.isEmpty ? rootURL : rootURL.appendingPathComponent(relative)
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            } catch {
                throw HelmError("cannot read directory \(url.path): \(error.localizedDescription)")
            }
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDirectory: ObjCBool = false
                let full = rootURL.appendingPathComponent(path).path
                FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
                if ignore.ignores(path, isDirectory: isDirectory.boolValue) { continue }
                if isDirectory.boolValue {
                    try walk(path)
                } else {
                    guard let data = FileManager.default.contents(atPath: full) else { throw HelmError("cannot read \(full)") }
                    if data.count > maxFileBytes { throw HelmError("file \(path) is larger than \(maxFileBytes) bytes") }
                    files.append(ChartFile(path: path, data: [UInt8](data)))
                }
            }
        }
        try walk("")
        return files
    }

    /// Builds a chart from its files (paths relative to the chart root).
    public static func load(files: [ChartFile], source: String) throws(HelmError) -> Chart {
        var chartYAML: ChartFile?
        var requirements: JSONValue?
        var values: GoValue = .map(GoMap())
        var schema: JSONValue?
        var templates: [ChartFile] = []
        var others: [ChartFile] = []
        var subchartFiles: [String: [ChartFile]] = [:]
        var subchartArchives: [ChartFile] = []
        for file in files {
            switch file.path {
            case "Chart.yaml":
                chartYAML = file
            case "requirements.yaml":
                requirements = try yaml(file, source: source)
            case "values.yaml":
                let document = try yaml(file, source: source)
                if case .object = document {
                    values = GoValueBuilder.value(document)
                } else if !document.isNull {
                    throw HelmError("cannot load values.yaml: error converting YAML to JSON: values.yaml is not a map (\(source))")
                }
            case "values.schema.json":
                do {
                    schema = try JSONParser.parse(file.text)
                } catch {
                    throw HelmError("cannot load values.schema.json: \(error)")
                }
            case "Chart.lock", "requirements.lock":
                continue
            default:
                if file.path.hasPrefix("templates/") {
                    templates.append(file)
                } else if file.path.hasPrefix("charts/") {
                    let rest = file.path.dropFirst("charts/".count)
                    if let slash = rest.firstIndex(of: "/") {
                        subchartFiles[String(rest[..<slash]), default: []].append(ChartFile(path: String(rest[rest.index(after: slash)...]), data: file.data))
                    } else if rest.hasSuffix(".tgz") || rest.hasSuffix(".tar.gz") {
                        subchartArchives.append(file)
                    }
                } else {
                    others.append(file)
                }
            }
        }
        guard let chartYAML else { throw HelmError("Chart.yaml file is missing (\(source))") }
        let metadata = ChartMetadata(document: try yaml(chartYAML, source: source), requirements: requirements)
        guard !metadata.name.isEmpty else { throw HelmError("validation: chart.metadata.name is required (\(source))") }
        guard !metadata.apiVersion.isEmpty else { throw HelmError("validation: chart.metadata.apiVersion is required in chart \(metadata.name)") }
        var subcharts: [Chart] = []
        for name in subchartFiles.keys.sorted() {
            subcharts.append(try load(files: subchartFiles[name]!, source: source + "/charts/" + name))
        }
        for archive in subchartArchives {
            subcharts.append(try load(archive: archive.data, name: source + "/" + archive.path))
        }
        return Chart(metadata: metadata, values: values, schema: schema, templates: templates, files: others, subcharts: subcharts, digest: digest(chartYAML: chartYAML, templates: templates, subcharts: subcharts))
    }

    private static func yaml(_ file: ChartFile, source: String) throws(HelmError) -> JSONValue {
        do {
            return try YAMLReader.read(file.text, source: file.path)
        } catch {
            throw HelmError("cannot load \(file.path) (\(source)): \(error)")
        }
    }

    /// The SHA-256 of what parsing the chart depends on: Chart.yaml, the templates and the subcharts'
    /// digests (so each file is hashed once). Other files (CRDs, `.Files` data, values) are read at
    /// render time, so leaving them out keeps hashing large charts cheap without sharing a parse wrongly.
    private static func digest(chartYAML: ChartFile, templates: [ChartFile], subcharts: [Chart]) -> String {
        var hasher = SHA256()
        for file in [chartYAML] + templates.sorted(by: { $0.path < $1.path }) {
            hasher.update(data: Array(file.path.utf8) + [0])
            hasher.update(data: Array(String(file.data.count).utf8) + [0])
            hasher.update(data: file.data)
        }
        for subchart in subcharts {
            hasher.update(data: Array("charts/\(subchart.name)\u{0}\(subchart.digest)\u{0}".utf8))
        }
        return hasher.finalize().map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}
