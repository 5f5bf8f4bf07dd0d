import KubeModel

extension WebhookRequest {
    /// A Gogs or Gitea delivery (Gitea kept Gogs' payload shape): `push` matters, every other event
    /// is ignored.
    func gogsOutcome(_ provider: WebhookProvider) throws(WebhookError) -> WebhookOutcome {
        let event = headers[provider == .gitea ? "X-Gitea-Event" : "X-Gogs-Event"] ?? ""
        guard event == "push" else { return .ignored(provider, event: event) }
        let json = try payload(provider)
        guard let ref = json.payloadString("ref") else { throw .malformedPayload(provider, "the push event has no ref") }
        let push = PushEvent(
            provider: provider,
            repositoryURLs: [
                json.payloadString("repository", "html_url"), json.payloadString("repository", "clone_url"),
                json.payloadString("repository", "ssh_url"),
            ].compactMap(\.self),
            revision: PushEvent.revision(ofRef: ref), commitSHA: json.payloadString("after"), previousCommitSHA: json.payloadString("before"),
            // Gitea cuts `commits` to a configured number and says how many there were; Gogs does neither.
            changedFiles: json.changedFiles(totalCommits: json["total_commits"]?.int64Value),
            defaultBranch: json.payloadString("repository", "default_branch")
        )
        guard !push.repositoryURLs.isEmpty else { throw .malformedPayload(provider, "the push event has no repository.html_url") }
        return .push(push)
    }
}
