import Testing

@Suite(.mayBlock)
struct KubeDiffCommandTests {
    private let desired = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """

    /// The same Deployment as the API server returns it: bookkeeping metadata, defaults and status.
    private func live(image: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
          uid: 7d1c
          resourceVersion: "1234"
          generation: 3
          creationTimestamp: "2026-11-01T10:00:00Z"
          managedFields:
          - {manager: kubectl, operation: Update}
        spec:
          progressDeadlineSeconds: 600
          replicas: 2
          revisionHistoryLimit: 10
          selector:
            matchLabels: {app: web}
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: \(image)
                imagePullPolicy: IfNotPresent
                terminationMessagePath: /dev/termination-log
              dnsPolicy: ClusterFirst
              restartPolicy: Always
        status:
          replicas: 2
          readyReplicas: 2
        """
    }

    @Test func serverDefaultsAreNotDifferences() throws {
        let directory = try TemporaryDirectory()
        let result = try CommandRunner.wharf([
            "kube", "diff", try directory.write("live.yaml", live(image: "nginx:1.27")), try directory.write("desired.yaml", desired),
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func realChangesPrintAUnifiedDiffAndExitOne() throws {
        let directory = try TemporaryDirectory()
        let result = try CommandRunner.wharf([
            "kube", "diff", try directory.write("live.yaml", live(image: "nginx:1.26")), try directory.write("desired.yaml", desired),
        ])
        #expect(result.exitCode == 1, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "--- live/apps.v1.Deployment.default.web")
        #expect(lines.dropFirst().first == "+++ desired/apps.v1.Deployment.default.web")
        #expect(lines.contains("-        image: nginx:1.26"))
        #expect(lines.contains("+        image: nginx:1.27"))
        #expect(!result.standardOutput.contains("resourceVersion"), "server bookkeeping is normalised away")
        #expect(!result.standardOutput.contains("readyReplicas"), "status is not compared")
    }

    @Test func errorsExitTwo() throws {
        let directory = try TemporaryDirectory()
        let result = try CommandRunner.wharf(["kube", "diff", "/nonexistent/live.yaml", try directory.write("desired.yaml", desired)])
        #expect(result.exitCode == 2)
        #expect(result.standardError == "error: /nonexistent/live.yaml: no such file\n")
    }
}
