import ClusterTestSupport
import AppController
import KubeClient
import KubeModel
import LocalCluster
import Testing

/// What `kubectl` users see of the installed kinds.
@Suite(.enabled(if: Kubectl.path != nil, "kubectl is not installed, so the columns and short names cannot be checked with it"))
struct KubectlTests {
    @Test func getApplicationsShowsSyncAndHealthStatus() async throws {
        try await RunningCluster.withArgoCD { cluster, client in
            var application = KubeObject(apiVersion: ArgoCRDs.apiVersion, kind: "Application", name: "guestbook", namespace: RunningCluster.argoNamespace)
            application["spec"] = [
                "project": "default", "destination": ["server": "https://kubernetes.default.svc", "namespace": "guestbook"],
                "source": ["repoURL": "https://github.com/argoproj/argocd-example-apps.git", "path": "guestbook", "targetRevision": "HEAD"],
            ]
            application["status"] = ["sync": ["status": "OutOfSync", "revision": "4d5c3b2"], "health": ["status": "Missing"]]
            _ = try await client.apply(application, fieldManager: "test")
            let kubectl = Kubectl(kubeconfig: cluster.endpoint.kubeconfigPath)

            let table = try await kubectl.run(["get", "applications", "-n", "argocd"])
            let wide = try await kubectl.run(["get", "applications", "-n", "argocd", "-o", "wide"])
            #expect(table.contains("guestbook"), "\(table)")
            // kubectl prints the columns of the server's Table answer: the CRD's printer columns.
            let header = table.split(separator: "\n").first ?? ""
            #expect(header.contains("SYNC STATUS") && header.contains("HEALTH STATUS"), "\(table)")
            #expect(table.contains("OutOfSync") && table.contains("Missing"), "\(table)")
            #expect(!header.contains("REVISION"), "Revision and Project are wide-only columns: \(table)")
            #expect(wide.contains("REVISION") && wide.contains("PROJECT") && wide.contains("4d5c3b2"), "\(wide)")
        }
    }

    @Test func shortNamesWork() async throws {
        try await RunningCluster.withArgoCD { cluster, client in
            var application = KubeObject(apiVersion: ArgoCRDs.apiVersion, kind: "Application", name: "guestbook", namespace: RunningCluster.argoNamespace)
            application["spec"] = ["project": "default", "destination": ["name": "in-cluster", "namespace": "guestbook"]]
            _ = try await client.apply(application, fieldManager: "test")
            let kubectl = Kubectl(kubeconfig: cluster.endpoint.kubeconfigPath)
            for name in ["app", "apps"] {
                #expect(try await kubectl.run(["get", name, "-n", "argocd", "-o", "name"]) == "application.argoproj.io/guestbook\n")
            }
            for name in ["appproj", "appprojs"] {
                #expect(try await kubectl.run(["get", name, "-n", "argocd", "-o", "name"]) == "appproject.argoproj.io/default\n")
            }
        }
    }
}
