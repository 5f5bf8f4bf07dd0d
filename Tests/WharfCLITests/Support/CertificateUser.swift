import Foundation

/// A user who authenticates with a client certificate signed by a cluster's CA, made with openssl as
/// an administrator makes one (key, CSR, signature with the data directory's `ca.key`), and a kubeconfig
/// that authenticates as that user.
struct CertificateUser {
    /// The kubeconfig that authenticates as the user.
    let kubeconfig: String

    /// Makes the user's key and certificate in `directory`.
    /// - Parameters:
    ///   - name: The certificate's common name, which the cluster takes as the user name.
    ///   - groups: Its organizations, which the cluster takes as the user's groups.
    init(name: String, groups: [String], cluster: ClusterProcess, directory: TemporaryDirectory) throws {
        let openssl = CommandRunner.which("openssl") ?? "/usr/bin/openssl"
        let key = directory.url.appendingPathComponent("\(name).key").path
        let request = directory.url.appendingPathComponent("\(name).csr").path
        let certificate = directory.url.appendingPathComponent("\(name).crt").path
        let extensions = try directory.write("\(name).ext", "extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n")
        let subject = "/CN=\(name)" + groups.map { "/O=\($0)" }.joined()
        let ca = cluster.dataDirectory
        for arguments in [
            ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key],
            ["req", "-new", "-key", key, "-subj", subject, "-out", request],
            [
                "x509", "-req", "-in", request, "-CA", ca.appendingPathComponent("ca.crt").path, "-CAkey", ca.appendingPathComponent("ca.key").path,
                "-set_serial", String(UInt32.random(in: 1...UInt32.max)), "-days", "1", "-extfile", extensions, "-out", certificate,
            ],
        ] {
            let result = try CommandRunner.run(openssl, arguments, timeout: 30)
            guard result.exitCode == 0 else {
                throw ClusterProcess.CommandFailed(command: "openssl " + arguments.joined(separator: " "), result: result)
            }
        }
        // The admin's kubeconfig (server and CA) with the user's credentials in its context.
        kubeconfig = directory.url.appendingPathComponent("\(name).kubeconfig").path
        try FileManager.default.copyItem(atPath: cluster.kubeconfig, toPath: kubeconfig)
        for arguments in [
            ["config", "set-credentials", name, "--client-certificate", certificate, "--client-key", key, "--embed-certs"],
            ["config", "set-context", "--current", "--user", name],
        ] {
            let result = try CommandRunner.run(CommandRunner.which("kubectl") ?? "/usr/bin/kubectl", ["--kubeconfig", kubeconfig] + arguments, timeout: 30)
            guard result.exitCode == 0 else {
                throw ClusterProcess.CommandFailed(command: "kubectl " + arguments.joined(separator: " "), result: result)
            }
        }
    }
}
