import KubeModel
import Testing
import Webhooks

@Suite("Which Applications a push refreshes")
struct WebhookMatcherTests {
    private let guestbook = "https://github.com/example-org/guestbook"

    private func push(
        revision: String = "main", files: [String] = [], defaultBranch: String? = "main", urls: [String]? = nil
    ) -> PushEvent {
        PushEvent(
            provider: .gitHub, repositoryURLs: urls ?? [guestbook, guestbook + ".git", "git@github.com:example-org/guestbook.git"], revision: revision,
            commitSHA: "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", changedFiles: files, defaultBranch: defaultBranch
        )
    }

    private func application(spec: JSONValue, generatePaths: String? = nil) throws -> KubeObject {
        var metadata: JSONValue = ["name": "guestbook", "namespace": "argocd"]
        if let generatePaths { metadata["annotations"] = ["argocd.argoproj.io/manifest-generate-paths": .string(generatePaths)] }
        return try KubeObject(["apiVersion": "argoproj.io/v1alpha1", "kind": "Application", "metadata": metadata, "spec": spec])
    }

    private func singleSource(repoURL: String? = nil, targetRevision: String? = "main", path: String = "apps/guestbook", generatePaths: String? = nil) throws
        -> KubeObject
    {
        var source: JSONValue = ["repoURL": .string(repoURL ?? guestbook), "path": .string(path)]
        if let targetRevision { source["targetRevision"] = .string(targetRevision) }
        let destination: JSONValue = ["server": "https://kubernetes.default.svc", "namespace": "guestbook"]
        return try application(spec: ["source": source, "destination": destination], generatePaths: generatePaths)
    }

    @Test("a branch target matches pushes to that branch only, also written as refs/heads/")
    func branch() throws {
        #expect(WebhookMatcher.affects(application: try singleSource(targetRevision: "main"), event: push()))
        #expect(WebhookMatcher.affects(application: try singleSource(targetRevision: "refs/heads/main"), event: push()))
        #expect(!WebhookMatcher.affects(application: try singleSource(targetRevision: "develop"), event: push()))
        #expect(WebhookMatcher.affects(application: try singleSource(targetRevision: "feature/login"), event: push(revision: "feature/login")))
    }

    @Test("HEAD or no target follows the default branch; an unknown default branch counts as touched")
    func head() throws {
        for target in ["HEAD", "", nil] as [String?] {
            let app = try singleSource(targetRevision: target)
            #expect(WebhookMatcher.affects(application: app, event: push(revision: "main")))
            #expect(!WebhookMatcher.affects(application: app, event: push(revision: "develop")))
            #expect(WebhookMatcher.affects(application: app, event: push(revision: "develop", defaultBranch: nil)))
        }
    }

    @Test("a tag target matches a push of that tag, with or without refs/tags/")
    func tag() throws {
        let tagPush = push(revision: "v1.2.0")
        #expect(WebhookMatcher.affects(application: try singleSource(targetRevision: "v1.2.0"), event: tagPush))
        #expect(WebhookMatcher.affects(application: try singleSource(targetRevision: "refs/tags/v1.2.0"), event: tagPush))
        #expect(!WebhookMatcher.affects(application: try singleSource(targetRevision: "v1.1.0"), event: tagPush))
    }

    @Test("an Application in another repository is not refreshed, whatever the branch")
    func otherRepository() throws {
        #expect(!WebhookMatcher.affects(application: try singleSource(repoURL: "https://github.com/example-org/other-app"), event: push()))
        #expect(!WebhookMatcher.affects(application: try singleSource(repoURL: "https://gitlab.com/example-org/guestbook"), event: push()))
    }

    @Test("an SSH repoURL matches a push reported with web URLs only")
    func sshRepoURL() throws {
        let app = try singleSource(repoURL: "git@github.com:Example-Org/guestbook.git")
        #expect(WebhookMatcher.affects(application: app, event: push(urls: [guestbook])))
    }

    @Test("manifest-generate-paths '.' limits refreshes to changes under the source path")
    func generatePathsDot() throws {
        let app = try singleSource(generatePaths: ".")
        #expect(WebhookMatcher.affects(application: app, event: push(files: ["README.md", "apps/guestbook/deployment.yaml"])))
        #expect(!WebhookMatcher.affects(application: app, event: push(files: ["README.md", "apps/guestbook-v2/deployment.yaml"])))
        // Without a file list anything may have changed.
        #expect(WebhookMatcher.affects(application: app, event: push(files: [])))
    }

    @Test("manifest-generate-paths: absolute entries start at the repository root, relative ones may climb out with ..")
    func generatePathsAbsoluteAndRelative() throws {
        let app = try singleSource(generatePaths: "/shared/base; ../common;")
        #expect(WebhookMatcher.affects(application: app, event: push(files: ["shared/base/configmap.yaml"])))
        #expect(WebhookMatcher.affects(application: app, event: push(files: ["apps/common/labels.yaml"])))
        #expect(!WebhookMatcher.affects(application: app, event: push(files: ["apps/guestbook/deployment.yaml"])))
        #expect(!WebhookMatcher.affects(application: app, event: push(files: ["shared/base-extra/configmap.yaml"])))
        #expect(WebhookMatcher.affects(application: try singleSource(generatePaths: "/"), event: push(files: ["anything/at/all.txt"])))
    }

    @Test("manifest-generate-paths globs match files, and files under matching directories")
    func generatePathsGlob() throws {
        let app = try singleSource(generatePaths: "/envs/*/values.yaml;/charts/*")
        #expect(WebhookMatcher.affects(application: app, event: push(files: ["envs/prod/values.yaml"])))
        #expect(!WebhookMatcher.affects(application: app, event: push(files: ["envs/prod/secrets.yaml"])))
        #expect(WebhookMatcher.affects(application: app, event: push(files: ["charts/web/templates/deployment.yaml"])))
        #expect(!WebhookMatcher.affects(application: app, event: push(files: ["docs/charts.md"])))
    }

    @Test("a multi-source Application is refreshed when any of its sources follows the push")
    func multiSource() throws {
        let app = try application(
            spec: [
                "sources": [
                    [
                        "repoURL": "https://charts.example.com", "chart": "guestbook", "targetRevision": "1.4.2",
                        "helm": ["valueFiles": ["$values/envs/prod/values.yaml"]],
                    ],
                    ["repoURL": .string(guestbook + ".git"), "targetRevision": "main", "ref": "values"],
                ]
            ],
            generatePaths: "/envs/prod"
        )
        #expect(WebhookMatcher.affects(application: app, event: push(files: ["envs/prod/values.yaml"])))
        #expect(!WebhookMatcher.affects(application: app, event: push(files: ["envs/staging/values.yaml"])))
        #expect(!WebhookMatcher.affects(application: app, event: push(revision: "develop", files: ["envs/prod/values.yaml"])))
    }

    @Test("relative generate paths resolve against the sources the push moved, not other repositories' sources")
    func multiSourcePathsPerRepository() throws {
        let app = try application(
            spec: [
                "sources": [
                    ["repoURL": "https://github.com/example-org/platform", "targetRevision": "main", "path": "base"],
                    ["repoURL": .string(guestbook), "targetRevision": "main", "path": "apps/guestbook"],
                ]
            ],
            generatePaths: "."
        )
        #expect(WebhookMatcher.affects(application: app, event: push(files: ["apps/guestbook/service.yaml"])))
        #expect(!WebhookMatcher.affects(application: app, event: push(files: ["base/namespace.yaml"])))
    }

    @Test("a hydrated Application follows both its dry source and its hydrated branch")
    func sourceHydrator() throws {
        let app = try application(spec: [
            "sourceHydrator": [
                "drySource": ["repoURL": .string(guestbook), "targetRevision": "HEAD", "path": "dry/guestbook"],
                "syncSource": ["targetBranch": "environments/prod", "path": "prod/guestbook"],
            ]
        ])
        #expect(WebhookMatcher.affects(application: app, event: push(revision: "main")))
        #expect(WebhookMatcher.affects(application: app, event: push(revision: "environments/prod")))
        #expect(!WebhookMatcher.affects(application: app, event: push(revision: "feature/x")))
    }

    @Test("a parsed Bitbucket Server push refreshes an Application that uses the SSH clone URL")
    func endToEnd() throws {
        let outcome = try WebhookRequest(headers: ["X-Event-Key": "repo:refs_changed"], body: Array(Fixtures.bitbucketServerRefsChanged.utf8)).parse(
            secrets: WebhookSecrets())
        guard case .push(let event) = outcome else {
            Issue.record("expected a push")
            return
        }
        let app = try singleSource(repoURL: "ssh://git@bitbucket.example.com:7999/ops/manifests.git", targetRevision: "HEAD", generatePaths: ".")
        #expect(WebhookMatcher.affects(application: app, event: event))
    }

    @Test("the refresh a webhook requests is the normal-refresh annotation patch")
    func refreshPatch() {
        #expect(RefreshAnnotation.normalRefreshPatch == ["metadata": ["annotations": ["argocd.argoproj.io/refresh": "normal"]]])
    }
}
