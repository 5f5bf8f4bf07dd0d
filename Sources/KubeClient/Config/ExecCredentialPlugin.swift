import Foundation
import KubeModel
import Synchronization

/// Runs a kubeconfig `exec` plugin (client.authentication.k8s.io v1 or v1beta1) and reads the
/// `ExecCredential` it prints, as kubectl does for cloud providers' login helpers.
struct ExecCredentialPlugin: Sendable {
    let plugin: Kubeconfig.ExecPlugin
    let cluster: Kubeconfig.Cluster
    /// How long the plugin may run; a hung plugin must not hang every request.
    var timeout: Duration = .seconds(60)

    private static let supportedVersions: Set<String> = ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"]

    /// Runs the plugin once.
    func run() async throws(KubeError) -> ExecCredential {
        guard Self.supportedVersions.contains(plugin.apiVersion) else {
            throw KubeError(
                .configuration,
                "exec plugin \(plugin.command): apiVersion \(plugin.apiVersion) is not supported; use client.authentication.k8s.io/v1")
        }
        guard let executable = resolveExecutable() else {
            var message = "exec plugin: executable \(plugin.command) not found"
            if let hint = plugin.installHint { message += "\n\n\(hint)" }
            throw KubeError(.configuration, message)
        }
        let output = try await execute(executable)
        return try parse(output)
    }

    private func resolveExecutable() -> String? {
        let manager = FileManager.default
        if plugin.command.contains("/") { return manager.isExecutableFile(atPath: plugin.command) ? plugin.command : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(plugin.command)"
            if manager.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The `KUBERNETES_EXEC_INFO` value: the request, with the cluster when the plugin asked for it.
    private var execInfo: String {
        var spec: JSONValue = ["interactive": false]
        if plugin.provideClusterInfo {
            var info: JSONValue = ["server": .string(cluster.server)]
            if let name = cluster.tlsServerName { info["tls-server-name"] = .string(name) }
            if cluster.insecureSkipTLSVerify { info["insecure-skip-tls-verify"] = true }
            if let ca = cluster.certificateAuthorityPEM { info["certificate-authority-data"] = .string(Data(ca).base64EncodedString()) }
            if let proxy = cluster.proxyURL { info["proxy-url"] = .string(proxy) }
            spec["cluster"] = info
        }
        return JSONWriter.string(["apiVersion": .string(plugin.apiVersion), "kind": "ExecCredential", "spec": spec])
    }

    private func execute(_ executable: String) async throws(KubeError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = plugin.arguments
        var environment = ProcessInfo.processInfo.environment
        environment.merge(plugin.environment) { _, new in new }
        environment["KUBERNETES_EXEC_INFO"] = execInfo
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let command = plugin.command
        let timeout = timeout
        let result: Result<(Data, Data, Int32), KubeError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    try process.run()
                } catch {
                    continuation.resume(returning: .failure(KubeError(.configuration, "exec plugin \(command) could not start: \(error.localizedDescription)")))
                    return
                }
                let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
                let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: killer)
                // Drain stderr beside stdout so that a chatty plugin cannot fill a pipe and stall.
                let errorGroup = DispatchGroup()
                let errorData = Mutex(Data())
                DispatchQueue.global().async(group: errorGroup) {
                    let data = errors.fileHandleForReading.readDataToEndOfFile()
                    errorData.withLock { $0 = data }
                }
                let outputData = output.fileHandleForReading.readDataToEndOfFile()
                errorGroup.wait()
                process.waitUntilExit()
                killer.cancel()
                if process.terminationReason == .uncaughtSignal {
                    continuation.resume(returning: .failure(KubeError(.timeout, "exec plugin \(command) did not finish within \(timeout)")))
                } else {
                    continuation.resume(returning: .success((outputData, errorData.withLock { $0 }, process.terminationStatus)))
                }
            }
        }
        let (stdout, stderr, status) = try result.get()
        guard status == 0 else {
            let detail = String(decoding: stderr.prefix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw KubeError(.unauthorized, "exec plugin \(command) failed with exit status \(status)\(detail.isEmpty ? "" : ": \(detail)")")
        }
        return stdout
    }

    private func parse(_ output: Data) throws(KubeError) -> ExecCredential {
        let command = plugin.command
        guard let document = try? JSONParser.parse(bytes: Array(output)), document["kind"]?.stringValue == "ExecCredential" else {
            throw KubeError(.configuration, "exec plugin \(command) did not print an ExecCredential JSON object on stdout")
        }
        if let version = document["apiVersion"]?.stringValue, version != plugin.apiVersion {
            throw KubeError(.configuration, "exec plugin \(command) answered apiVersion \(version), but the kubeconfig asked for \(plugin.apiVersion)")
        }
        let status = document["status"] ?? .emptyObject
        var credential = ExecCredential()
        credential.token = status["token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        credential.clientCertificatePEM = status["clientCertificateData"]?.stringValue.map { Array($0.utf8) }
        credential.clientKeyPEM = status["clientKeyData"]?.stringValue.map { Array($0.utf8) }
        if let expiry = status["expirationTimestamp"]?.stringValue {
            credential.expiration = ISO8601DateFormatter().date(from: expiry)
        }
        guard credential.token != nil || (credential.clientCertificatePEM != nil && credential.clientKeyPEM != nil) else {
            throw KubeError(.configuration, "exec plugin \(command) returned neither status.token nor status.clientCertificateData with clientKeyData")
        }
        return credential
    }
}
