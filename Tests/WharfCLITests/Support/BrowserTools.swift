import Foundation

/// What the browser tests drive: headless Chromium through chromedriver, from selenium in the
/// project's virtual environment (scripts/test installs all three).
enum BrowserTools {
    static let python = FileManager.default.currentDirectoryPath + "/.venv/bin/python"

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
            && CommandRunner.which("kubectl") != nil
            && (try? CommandRunner.run(python, ["-c", "import selenium"]).exitCode) == 0
    }
}
