public import Foundation

/// What the browser tests drive: headless Chromium through chromedriver, from selenium in the
/// project's virtual environment (scripts/test installs all three).
public enum BrowserTools {
    /// The virtual environment's Python, which has selenium.
    public static let python = FileManager.default.currentDirectoryPath + "/.venv/bin/python"

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
}
