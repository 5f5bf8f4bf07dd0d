import ClusterTestSupport
import Foundation
import KubeClient
import KubeModel
import LocalCluster
import Testing

/// Credentials, TLS, throttling and failures: each ends in a typed, readable error or a retry that works.
@Suite struct ReliabilityTests {
    @Test func anExecPluginSuppliesTheToken() async throws {
        try await RunningCluster.with { cluster in
            let script = cluster.directory.appendingPathComponent("credential-plugin.sh")
            // The plugin reads the token from the data directory, as a cloud login helper would fetch one.
            let tokenFile = cluster.directory.appendingPathComponent("token")
            try cluster.endpoint.token.write(to: tokenFile, atomically: true, encoding: .utf8)
            try """
                #!/bin/sh
                echo "$KUBERNETES_EXEC_INFO" > "\(cluster.directory.path)/exec-info.json"
                printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}' "$(cat '\(tokenFile.path)')"
                """.write(to: script, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
            let client = try cluster.client { configuration in
                var user = Kubeconfig.User()
                var plugin = Kubeconfig.ExecPlugin(command: script.path)
                plugin.provideClusterInfo = true
                user.exec = plugin
                configuration.user = user
            }
            let namespaces = try await client.list(Resources.namespaces)
            #expect(namespaces.items.contains { $0.name == "default" })
            let info = try String(contentsOf: cluster.directory.appendingPathComponent("exec-info.json"), encoding: .utf8)
            #expect(info.contains("\"kind\":\"ExecCredential\""))
            #expect(info.contains(cluster.endpoint.url))

            let failing = try cluster.client { configuration in
                var user = Kubeconfig.User()
                user.exec = Kubeconfig.ExecPlugin(command: "/bin/false")
                configuration.user = user
            }
            let error = await #expect(throws: KubeError.self) { try await failing.list(Resources.namespaces) }
            #expect(error?.description.contains("exec plugin /bin/false failed") == true, "\(String(describing: error))")
        }
    }

    @Test func wrongCredentialsAndCertificatesAreTypedErrors() async throws {
        try await RunningCluster.with { cluster in
            let badToken = try cluster.client { $0.user.token = "not-a-valid-token" }
            let unauthorized = await #expect(throws: KubeError.self) { try await badToken.list(Resources.namespaces) }
            #expect(unauthorized?.category == .unauthorized)
            #expect(unauthorized?.statusCode == 401)
            #expect(unauthorized?.description.contains("not-a-valid-token") == false)

            // A CA that did not sign the server's certificate.
            let otherCA = try await RunningCluster.with { other in other.endpoint.caCertificatePEM }
            let wrongCA = try cluster.client { $0.cluster.certificateAuthorityPEM = Array(otherCA.utf8) }
            let tls = await #expect(throws: KubeError.self) { try await wrongCA.list(Resources.namespaces) }
            #expect(tls?.category == .tls, "\(String(describing: tls))")
            #expect(tls?.description.contains("certificate-authority") == true)

            // tls-server-name: reach 127.0.0.1 but verify the certificate's other name.
            let byName = try cluster.client { $0.cluster.tlsServerName = "kubernetes.default.svc" }
            #expect(try await byName.list(Resources.namespaces).items.isEmpty == false)
        }
    }

    @Test func anUnreachableServerFailsFastWithARetryableError() async throws {
        // A port nothing listens on: a cluster that was started and stopped.
        let kubeconfig = try await RunningCluster.with { cluster in cluster.endpoint.kubeconfigPath }
        var configuration = try ClientConfiguration.fromKubeconfig(paths: [kubeconfig])
        configuration.retry.maximumRetries = 2
        configuration.retry.initialBackoff = .milliseconds(10)
        let client = try KubeClient(configuration: configuration)
        let error = await #expect(throws: KubeError.self) { try await client.list(Resources.namespaces) }
        #expect(error?.category == .unreachable, "\(String(describing: error))")
        #expect(error?.isRetryable == true)
        #expect(client.metrics.retries == 2)
        await client.shutdown()
    }

    @Test func serverErrorsAreRetriedAndAStormEndsInATypedError() async throws {
        let flaky = FaultInjection(rules: [FaultInjection.Rule(verb: .get, resource: "configmaps", errorRate: 0.3, errorCode: .internalError)])
        try await RunningCluster.with(faults: flaky) { cluster in
            let client = try cluster.client {
                $0.retry.initialBackoff = .milliseconds(5)
                $0.retry.maximumRetries = 12
            }
            _ = try await client.create(configMap("flaky"))
            // A third of all reads fail; with retries, every read succeeds.
            for _ in 0..<20 { _ = try await client.get(Resources.configMaps, namespace: "default", name: "flaky") }
            #expect(client.metrics.retries > 0)
            let failures = client.metrics.requests.filter { $0.key.statusCode == 500 }.values.reduce(0, +)
            #expect(failures > 0)
        }
        let storm = FaultInjection(rules: [FaultInjection.Rule(verb: nil, resource: "configmaps", errorRate: 1, errorCode: .internalError)])
        try await RunningCluster.with(faults: storm) { cluster in
            let client = try cluster.client {
                $0.retry.initialBackoff = .milliseconds(5)
                $0.retry.maximumRetries = 3
            }
            let read = await #expect(throws: KubeError.self) { try await client.get(Resources.configMaps, namespace: "default", name: "x") }
            #expect(read?.category == .serverError)
            #expect(read?.description.contains("fault injected") == true)
            #expect(client.metrics.retries == 3)
            // A failed create is not retried: it might have happened.
            let write = await #expect(throws: KubeError.self) { try await client.create(configMap("once")) }
            #expect(write?.category == .serverError)
            #expect(client.metrics.retries == 3)
        }
        let throttled = FaultInjection(rules: [FaultInjection.Rule(verb: .create, resource: "configmaps", errorRate: 1, errorCode: .tooManyRequests, retryAfterSeconds: 1)])
        try await RunningCluster.with(faults: throttled) { cluster in
            let client = try cluster.client { $0.retry.maximumRetries = 1 }
            let error = await #expect(throws: KubeError.self) { try await client.create(configMap("throttled")) }
            #expect(error?.category == .tooManyRequests)
            #expect(error?.retryAfter == .seconds(1))
            #expect(client.metrics.retries == 1)
        }
    }

    @Test func rateLimitingHoldsRequestsBackAndIsCounted() async throws {
        try await RunningCluster.with { cluster in
            // 1 request per second after a burst of 1: of 4 requests sent at once, 3 must wait, however
            // quickly or slowly the server answers.
            let client = try cluster.client {
                $0.queriesPerSecond = 1
                $0.burst = 1
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 { group.addTask { _ = try await client.get(Resources.namespaces, name: "default") } }
                try await group.waitForAll()
            }
            #expect(client.metrics.throttledRequests == 3)
            #expect(client.metrics.throttleWait > .zero)
            let gets = client.metrics.requests.filter { $0.key.verb == "get" && $0.key.resource == "namespaces" && $0.key.statusCode == 200 }
            #expect(gets.values.reduce(0, +) == 4)

            let unlimited = try cluster.client { $0.burst = 100 }
            for _ in 0..<6 { _ = try await unlimited.get(Resources.namespaces, name: "default") }
            #expect(unlimited.metrics.throttledRequests == 0)
        }
    }
}
