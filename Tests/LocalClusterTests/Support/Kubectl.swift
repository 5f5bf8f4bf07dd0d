import Foundation
import LocalCluster
import Synchronization

/// Runs the real kubectl against the shared test cluster, off the cooperative thread pool (the cluster
/// under test runs on that pool in this same process, so blocking it would stall the server).
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
        let command = all
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Self.runBlocking(path, command, input: input)) }
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

    private static func runBlocking(_ executable: String, _ arguments: [String], input: String?) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        do {
            try process.run()
        } catch {
            return Result(exitCode: -1, output: "", error: "could not run kubectl: \(error)")
        }
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try? standardInput.fileHandleForWriting.close()
        // Drain standard error concurrently so that neither pipe can fill and block kubectl.
        let errorData = Mutex(Data())
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let data = error.fileHandleForReading.readDataToEndOfFile()
            errorData.withLock { $0 = data }
            drained.signal()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Result(
            exitCode: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData.withLock { $0 }, as: UTF8.self))
    }
}

/// A failure to set up a kubectl test.
struct KubectlError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
