public import Foundation
public import ProcessRunner

/// What the browser tests drive: headless Chromium through chromedriver, from selenium in the
/// project's virtual environment (scripts/test installs all three), with the scripts in
/// `Tests/Browser`.
public enum BrowserTools {
    /// The virtual environment's Python, which has selenium.
    public static let python = FileManager.default.currentDirectoryPath + "/.venv/bin/python"

    /// Where the scripts save their screenshots: `.build/screenshots` in the checkout.
    public static let screenshots = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/screenshots")

    /// Whether Chromium, chromedriver and selenium are all there.
    public static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
            && hasSelenium
    }

    private static var hasSelenium: Bool {
        let library = URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/.venv/lib")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: library.path)) ?? []
        return versions.contains { FileManager.default.fileExists(atPath: library.appendingPathComponent("\($0)/site-packages/selenium").path) }
    }

    /// The script `Tests/Browser/NAME`, ready to run with `environment` (passwords go there, never
    /// into arguments) plus `WHARF_SCREENSHOTS`; `home` is its HOME (Chromium writes its profile there).
    public static func script(_ name: String, environment: [String: String], home: URL) throws -> ChildProcess {
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let path = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Tests/Browser/\(name)").path
        let base = [
            "WHARF_SCREENSHOTS": screenshots.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path,
            "PYTHONDONTWRITEBYTECODE": "1",
        ]
        return ChildProcess(python, arguments: [path], environment: base.merging(environment) { $1 }, timeout: .seconds(600))
    }

    /// The script's whole output; its `timing:` lines are also printed, as the tests' figures.
    public static func output(of result: ChildProcessResult) -> String {
        let output = String(decoding: result.standardOutput + result.standardError, as: UTF8.self)
        let timings = output.split(separator: "\n").filter { $0.hasPrefix("timing:") }
        if !timings.isEmpty { FileHandle.standardOutput.write(Data((timings.joined(separator: "\n") + "\n").utf8)) }
        return output
    }
}
