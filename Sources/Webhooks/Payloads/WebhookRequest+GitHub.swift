import KubeModel

extension WebhookRequest {
    /// A GitHub delivery: `push` and `ping` matter, every other event is ignored.
    func gitHubOutcome() throws(WebhookError) -> WebhookOutcome {
        let event = headers["X-GitHub-Event"] ?? ""
        switch event {
        case "ping": return .ping(.gitHub)
        case "push": break
        default: return .ignored(.gitHub, event: event)
        }
        let json = try payload(.gitHub)
        guard let ref = json.payloadString("ref") else { throw .malformedPayload(.gitHub, "the push event has no ref") }
        let push = PushEvent(
            provider: .gitHub,
            repositoryURLs: [
                json.payloadString("repository", "html_url"), json.payloadString("repository", "clone_url"),
                json.payloadString("repository", "ssh_url"),
            ].compactMap(\.self),
            revision: PushEvent.revision(ofRef: ref), commitSHA: json.payloadString("after"), previousCommitSHA: json.payloadString("before"),
            changedFiles: json.changedFiles(totalCommits: nil), defaultBranch: json.payloadString("repository", "default_branch")
        )
        guard !push.repositoryURLs.isEmpty else { throw .malformedPayload(.gitHub, "the push event has no repository.html_url") }
        return .push(push)
    }
}
