import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import Testing

/// kubeconfig reading as kubectl does it, and in-cluster configuration.
@Suite struct ConfigurationTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wharf-kubeconfig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("certs"), withIntermediateDirectories: true)
    }

    private func write(_ name: String, _ text: String) throws -> URL {
        let file = directory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func mergesKubeconfigListsWithTheFirstFileWinning() throws {
        try "CA-ONE".write(to: directory.appendingPathComponent("certs/ca.crt"), atomically: true, encoding: .utf8)
        let first = try write("first", """
            current-context: dev
            clusters:
            - name: dev
              cluster:
                server: https://dev.example:6443
                certificate-authority: certs/ca.crt
                tls-server-name: api.dev
            users:
            - name: alice
              user:
                tokenFile: tokens/alice
            contexts:
            - name: dev
              context: {cluster: dev, user: alice, namespace: team-a}
            """)
        let second = try write("second", """
            current-context: prod
            clusters:
            - name: dev
              cluster: {server: https://ignored.example}
            - name: prod
              cluster:
                server: https://prod.example
                insecure-skip-tls-verify: true
                proxy-url: http://proxy.example:3128
            users:
            - name: bob
              user: {username: bob, password: secret}
            contexts:
            - name: prod
              context: {cluster: prod, user: bob}
            """)
        let environment = ["KUBECONFIG": "\(first.path):\(directory.path)/missing:\(second.path)", "HOME": directory.path]
        let dev = try ClientConfiguration.fromKubeconfig(environment: environment)
        #expect(dev.cluster.server == "https://dev.example:6443")
        #expect(dev.cluster.certificateAuthorityPEM == Array("CA-ONE".utf8))
        #expect(dev.cluster.tlsServerName == "api.dev")
        #expect(dev.user.tokenFile == directory.appendingPathComponent("tokens/alice").path)
        #expect(dev.namespace == "team-a")

        let prod = try ClientConfiguration.fromKubeconfig(context: "prod", namespace: "override", environment: environment)
        #expect(prod.cluster.insecureSkipTLSVerify)
        #expect(prod.cluster.proxyURL == "http://proxy.example:3128")
        #expect(prod.user.username == "bob")
        #expect(prod.namespace == "override")
    }

    @Test func badKubeconfigsNameWhatIsWrong() throws {
        let file = try write("broken", """
            current-context: nowhere
            contexts:
            - name: half
              context: {cluster: absent, user: nobody}
            """)
        let noContext = #expect(throws: KubeError.self) { try ClientConfiguration.fromKubeconfig(paths: [file]) }
        #expect(noContext?.description.contains("context \"nowhere\" does not exist") == true, "\(String(describing: noContext))")
        let noCluster = #expect(throws: KubeError.self) { try ClientConfiguration.fromKubeconfig(paths: [file], context: "half") }
        #expect(noCluster?.description.contains("cluster \"absent\", which is not defined") == true)
        let missing = #expect(throws: KubeError.self) {
            try ClientConfiguration.fromKubeconfig(paths: [directory.appendingPathComponent("nope")])
        }
        #expect(missing?.category == .configuration)
        let badCA = try write("bad-ca", """
            clusters:
            - name: c
              cluster: {server: https://x, certificate-authority: /nonexistent/ca.crt}
            """)
        let unreadable = #expect(throws: KubeError.self) { try ClientConfiguration.fromKubeconfig(paths: [badCA], context: "c") }
        #expect(unreadable?.description.contains("/nonexistent/ca.crt") == true)
    }

    @Test func inClusterConfigurationReadsTheMountedServiceAccount() throws {
        let account = directory.appendingPathComponent("serviceaccount")
        try FileManager.default.createDirectory(at: account, withIntermediateDirectories: true)
        try "token-1\n".write(to: account.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        try "CA".write(to: account.appendingPathComponent("ca.crt"), atomically: true, encoding: .utf8)
        try "wharf-system".write(to: account.appendingPathComponent("namespace"), atomically: true, encoding: .utf8)
        let configuration = try ClientConfiguration.inCluster(
            directory: account, environment: ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"])
        #expect(configuration.cluster.server == "https://10.96.0.1:443")
        #expect(configuration.namespace == "wharf-system")
        #expect(configuration.user.tokenFile == account.appendingPathComponent("token").path)
        let outside = #expect(throws: KubeError.self) { try ClientConfiguration.inCluster(directory: account, environment: [:]) }
        #expect(outside?.description.contains("KUBERNETES_SERVICE_HOST") == true)
    }
}
