import Foundation
import GoTemplate
import Helm
import Synchronization
import Testing

/// Charts that must fail cleanly: each error names the problem and the file, and nothing crashes,
/// hangs or grows without bound.
struct BadInputTests {
    private func chart(_ templates: [String: String], values: String = "", chartYAML: String = "apiVersion: v2\nname: demo\nversion: 0.1.0\n") throws -> Chart {
        var files = [ChartFile(path: "Chart.yaml", data: Array(chartYAML.utf8)), ChartFile(path: "values.yaml", data: Array(values.utf8))]
        for (path, text) in templates { files.append(ChartFile(path: "templates/" + path, data: Array(text.utf8))) }
        return try ChartLoader.load(files: files, source: "demo")
    }

    private func failure(_ chart: Chart, values: GoMap = GoMap()) -> String? {
        do {
            _ = try HelmEngine(cache: nil).render(chart, values: values)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func syntaxErrorNamesFileAndLine() throws {
        let message = failure(try chart(["a.yaml": "ok\n{{ if }}"]))
        #expect(message == "parse error at (demo/templates/a.yaml:2): missing value for if")
    }

    @Test func missingRequiredValueReportsHelmsMessage() throws {
        let message = failure(try chart(["a.yaml": "x: {{ required \"x is required\" .Values.x }}"]))
        #expect(message == "execution error at (demo/templates/a.yaml:1:6): x is required")
    }

    @Test func recursiveIncludeStopsAtTheDepthLimitWithOneShortMessage() throws {
        let message = try #require(failure(try chart(["_h.tpl": "{{ define \"loop\" }}{{ include \"loop\" . }}{{ end }}", "a.yaml": "{{ include \"loop\" . }}"])))
        #expect(message == "demo/templates/_h.tpl:1:22\n  executing \"loop\" at <include \"loop\" .>:\n    exceeded maximum template depth (1000)")
    }

    /// Renders on a thread whose 4 MiB stack lets rendering start there but holds too little for deep
    /// templates, so that they run out of it and must finish on a thread with a larger stack.
    private func renderOnSmallStack(_ chart: Chart) -> Result<[String: String], HelmError> {
        let result = Mutex<Result<[String: String], HelmError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            result.withLock { $0 = Result { () throws(HelmError) in try HelmEngine(cache: nil).render(chart) } }
            done.signal()
        }
        thread.stackSize = 4 << 20
        thread.start()
        done.wait()
        return result.withLock { $0! }
    }

    @Test func templatesNestedBeyondTheCallersStackRenderOnALargerOne() throws {
        let depth = 20_000
        let text = String(repeating: "{{ if true }}", count: depth) + "deep" + String(repeating: "{{ end }}", count: depth)
        let rendered = try renderOnSmallStack(try chart(["a.yaml": text, "b.yaml": "{{ tpl .Values.text . }}"], values: "text: '\(text)'")).get()
        #expect(rendered["demo/templates/a.yaml"] == "deep")
        #expect(rendered["demo/templates/b.yaml"] == "deep")
    }

    @Test func recursiveIncludeStartedOnASmallStackStopsAtTheDepthLimit() throws {
        let chart = try chart(["_h.tpl": "{{ define \"loop\" }}{{ include \"loop\" . }}{{ end }}", "a.yaml": "{{ include \"loop\" . }}"])
        guard case .failure(let error) = renderOnSmallStack(chart) else {
            Issue.record("rendered without reaching the depth limit")
            return
        }
        #expect(error.description == "demo/templates/_h.tpl:1:22\n  executing \"loop\" at <include \"loop\" .>:\n    exceeded maximum template depth (1000)")
    }

    @Test func recursiveTplStopsAtTheDepthLimit() throws {
        let message = try #require(failure(try chart(["a.yaml": "{{ tpl \"{{ tpl . . }}\" \"{{ tpl . . }}\" }}"])))
        #expect(message.hasSuffix("exceeded maximum template depth (1000)"))
    }

    @Test func endlessLoopStopsAtTheStepLimit() throws {
        let chart = try chart(["a.yaml": "{{ range until 1000000 }}{{ range until 1000000 }}{{ end }}{{ end }}"])
        var options = ReleaseOptions()
        options.limits = TemplateLimits(maxSteps: 100_000)
        let error = #expect(throws: HelmError.self) { try HelmEngine(cache: nil).render(chart, options: options) }
        #expect(error?.description == "demo/templates/a.yaml:1:34\n  executing \"demo/templates/a.yaml\" at <{{range until 1000000}}{{end}}>:\n    exceeded the limit of 100000 steps")
    }

    @Test func valuesDoubledInALoopStopAtTheSizeLimit() throws {
        let chart = try chart(["a.yaml": "{{ $s := \"x\" }}{{ range until 64 }}{{ $s = cat $s $s }}{{ end }}{{ $l := list 1 }}{{ range until 64 }}{{ $l = concat $l $l }}{{ end }}"])
        var options = ReleaseOptions()
        options.limits = TemplateLimits(maxOutputBytes: 1_000_000)
        let error = #expect(throws: HelmError.self) { try HelmEngine(cache: nil).render(chart, options: options) }
        #expect(error?.description.contains("error calling cat: result of 1048575 bytes exceeds the limit of 1000000 bytes") == true)
    }

    @Test func valueNestedInItselfExponentiallyIsRefusedByTheEncoders() throws {
        let chart = try chart(["a.yaml": "{{ $d := dict }}{{ range until 40 }}{{ $d = dict \"a\" $d \"b\" $d }}{{ end }}{{ mustToYaml $d }}"])
        let message = try #require(failure(chart))
        #expect(message.contains("error calling mustToYaml: yaml: the value holds more than"))
    }

    @Test func outputSizeIsBounded() throws {
        let chart = try chart(["a.yaml": "{{ range until 100000 }}{{ repeat 1000 \"x\" }}{{ end }}"])
        var options = ReleaseOptions()
        options.limits = TemplateLimits(maxOutputBytes: 1_000_000)
        #expect(throws: HelmError.self) { try HelmEngine(cache: nil).render(chart, options: options) }
    }

    @Test func schemaViolationIsReported() throws {
        let files = [
            ChartFile(path: "Chart.yaml", data: Array("apiVersion: v2\nname: demo\nversion: 0.1.0\n".utf8)),
            ChartFile(path: "values.yaml", data: Array("port: http\n".utf8)),
            ChartFile(path: "values.schema.json", data: Array(#"{"type": "object", "properties": {"port": {"type": "integer"}}, "required": ["name"]}"#.utf8)),
        ]
        let message = failure(try ChartLoader.load(files: files, source: "demo"))
        #expect(message?.contains("values don't meet the specifications of the schema(s)") == true)
        #expect(message?.contains("missing property 'name'") == true)
        #expect(message?.contains("at '/port': got string, want integer") == true)
    }

    @Test func missingDependencyIsReported() throws {
        let chart = try chart([:], chartYAML: "apiVersion: v2\nname: demo\nversion: 0.1.0\ndependencies:\n- name: sub\n  version: 1.0.0\n")
        let error = #expect(throws: HelmError.self) { try HelmEngine.checkDependencies(chart) }
        #expect(error?.description == "found in Chart.yaml, but missing in charts/ directory: sub")
    }

    @Test func archiveThatIsNotGzipIsRefused() {
        #expect(throws: HelmError.self) { try ChartLoader.load(archive: Array("not a tarball at all, just text".utf8), name: "bad.tgz") }
    }

    @Test func archiveEscapingTheChartIsRefused() throws {
        let archive = try Self.gzipTar(files: ["demo/../../etc/passwd": "x"])
        let error = #expect(throws: HelmError.self) { try ChartLoader.load(archive: archive, name: "evil.tgz") }
        #expect(error?.description.contains("chart illegally references parent directory") == true)
    }

    @Test func archiveExpandingBeyondTheLimitIsRefused() throws {
        let archive = try Self.gzipTar(files: ["demo/big": String(repeating: "0", count: ChartArchive.maxDecompressedBytes + 1024)])
        let error = #expect(throws: HelmError.self) { try ChartLoader.load(archive: archive, name: "bomb.tgz") }
        #expect(error?.description.contains("decompressed size exceeds") == true)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs python3 to build the archive"))
    func archiveDecompressingToGigabytesStopsAtTheLimit() throws {
        // 4 GiB of zeros: one compressed megabyte of zeros, flushed so that its bytes can be repeated.
        let script = """
            import sys, zlib
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            block = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
            sys.stdout.buffer.write(b"\\x1f\\x8b\\x08\\x00\\x00\\x00\\x00\\x00\\x00\\xff" + block * 4096 + c.flush() + bytes(8))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let archive = [UInt8](pipe.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(archive.count < 8 * 1024 * 1024)
        let error = #expect(throws: HelmError.self) { try ChartLoader.load(archive: archive, name: "bomb.tgz") }
        #expect(error?.description == "bomb.tgz: decompressed size exceeds \(ChartArchive.maxDecompressedBytes) bytes")
    }

    @Test func archiveLoadsLikeADirectory() throws {
        let archive = try Self.gzipTar(files: ["demo/Chart.yaml": "apiVersion: v2\nname: demo\nversion: 0.1.0\n", "demo/templates/cm.yaml": "name: {{ .Release.Name }}\n"])
        let rendered = try HelmEngine(cache: nil).render(try ChartLoader.load(archive: archive, name: "demo.tgz"), options: ReleaseOptions(name: "rel"))
        #expect(rendered["demo/templates/cm.yaml"] == "name: rel\n")
    }

    @Test func userNullDeletesADefault() throws {
        let chart = try chart(["a.yaml": "{{ toYaml .Values }}"], values: "a: 1\nb:\n  c: 2\n  d: 3\n")
        let values = GoMap(["b": .map(GoMap(["c": .null]))])
        let rendered = try HelmEngine(cache: nil).render(chart, values: values)
        #expect(rendered["demo/templates/a.yaml"] == "a: 1\nb:\n  d: 3")
    }

    @Test func setArgumentsBuildNestedValues() throws {
        let values = GoMap()
        try SetValueParser.apply("a.b=1,list[1]=x,flag=true,s=010,tags={x,y}", to: values, typed: true)
        try SetValueParser.apply("a.c=2", to: values, typed: false)
        #expect(GoFormat.string(.map(values)) == "map[a:map[b:1 c:2] flag:true list:[<nil> x] s:010 tags:[x y]]")
    }

    /// A gzip-compressed tar archive made with the system's tar and gzip.
    static func gzipTar(files: [String: String]) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-tgz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = directory.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files where !path.contains("..") {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let archive = directory.appendingPathComponent("chart.tgz")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/tar")
        process.currentDirectoryURL = root
        var arguments = ["-czf", archive.path]
        for path in files.keys.sorted() {
            if path.contains("..") {
                // tar strips "../"; --absolute-names... keeps it only with -P, so write the member name as is.
                let url = root.appendingPathComponent("escape")
                try files[path]!.write(to: url, atomically: true, encoding: .utf8)
                arguments += ["-P", "--transform", "s|^escape$|\(path)|", "escape"]
            } else {
                arguments.append(path)
            }
        }
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return [UInt8](try Data(contentsOf: archive))
    }
}
