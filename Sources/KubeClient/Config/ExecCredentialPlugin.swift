import Foundation
import KubeModel
import ProcessRunner

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
        guard let executable = ChildProcess.locate(plugin.command) else {
            var message = "exec plugin: executable \(plugin.command) not found"
            if let hint = plugin.installHint { message += "\n\n\(hint)" }
            throw KubeError(.configuration, message)
        }
        let output = try await execute(executable)
        return try parse(output)
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
        var environment = plugin.environment
        environment["KUBERNETES_EXEC_INFO"] = execInfo
        let result: ChildProcessResult
        do {
            result = try await ChildProcess(executable, arguments: plugin.arguments, environment: environment, timeout: timeout, outputLimit: 1 << 20).run()
        } catch {
            switch error.reason {
            case .timedOut: throw KubeError(.timeout, "exec plugin \(plugin.command) did not finish within \(timeout)")
            case .cannotStart, .outputTooLarge: throw KubeError(.configuration, "exec plugin \(plugin.command): \(error.message)")
            }
        }
        guard result.status == 0 else {
            let detail = String(result.errorText.prefix(500))
            throw KubeError(.unauthorized, "exec plugin \(plugin.command) failed with exit status \(result.status)\(detail.isEmpty ? "" : ": \(detail)")")
        }
        return result.standardOutput
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
