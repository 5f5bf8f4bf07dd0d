import Foundation
import LocalCluster
import ProcessRunner

/// Runs the real kubectl against the shared test cluster; waiting for it never blocks a thread (the
/// cluster under test runs on the cooperative pool in this same process).
struct Kubectl {
    /// What a finished kubectl printed.
    struct Result: CustomStringConvertible {
        var exitCode: Int32
        var output: String
        var error: String
        var succeeded: Bool { exitCode == 0 }
        var description: String { "exit \(exitCode)\n\(output)\n\(error)" }
    }

    /// kubectl's path, or nil when it is not installed.
    static let path: String? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/kubectl"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    let kubeconfig: String
    let namespace: String

    /// A kubectl for a fresh namespace of the shared cluster, which it creates.
    static func forNewNamespace(_ prefix: String) async throws -> Kubectl {
        let endpoint = await TestCluster.shared.start()
        let namespace = "\(prefix)-\(UUID().uuidString.prefix(6).lowercased())"
        let kubectl = Kubectl(kubeconfig: endpoint.kubeconfigPath.path, namespace: namespace)
        let created = await kubectl.run(["create", "namespace", namespace], namespaced: false)
        guard created.succeeded else { throw KubectlError(message: "could not create namespace \(namespace): \(created)") }
        return kubectl
    }

    /// Runs `kubectl` with `arguments` in the test's namespace, feeding `input` on standard input.
    func run(_ arguments: [String], input: String? = nil, namespaced: Bool = true) async -> Result {
        var all = ["--kubeconfig", kubeconfig]
        if namespaced { all += ["--namespace", namespace] }
        all += arguments
        let path = Self.path ?? "/usr/bin/kubectl"
        // Our posix_spawn runner rather than Foundation's Process, whose `run()` was seen to crash
        // (a bad memmove inside it) with many processes started at once across a full test run.
        let process = ChildProcess(path, arguments: all, input: input.map { Data($0.utf8) }, timeout: .seconds(120))
        do {
            let result = try await process.run()
            return Result(exitCode: result.status, output: result.outputText, error: result.errorText)
        } catch {
            return Result(exitCode: -1, output: "", error: "could not run kubectl: \(error)")
        }
    }

    /// `kubectl apply -f -` of a manifest.
    func apply(_ manifest: String) async -> Result {
        await run(["apply", "-f", "-"], input: manifest)
    }

    /// Runs the command until its output satisfies `condition` or `seconds` pass; returns the last result.
    func eventually(_ arguments: [String], seconds: Double = 30, _ condition: (String) -> Bool) async -> Result {
        let deadline = Date().addingTimeInterval(seconds)
        var result = await run(arguments)
        while !(result.succeeded && condition(result.output)) && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(250))
            result = await run(arguments)
        }
        return result
    }
}

/// A failure to set up a kubectl test.
struct KubectlError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
