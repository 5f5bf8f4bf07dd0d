import KubeModel

extension WebhookRequest {
    /// A Bitbucket Cloud delivery: `repo:push` matters, every other event is ignored.
    ///
    /// The payload lists neither changed files nor the default branch; upstream asks Bitbucket's API
    /// for both, which a pure parser cannot, so the event says "anything may have changed" and
    /// "may touch the default branch" and lets the controller find out.
    func bitbucketOutcome() throws(WebhookError) -> WebhookOutcome {
        let event = headers["X-Event-Key"] ?? ""
        guard event == "repo:push" else { return .ignored(.bitbucket, event: event) }
        let json = try payload(.bitbucket)
        // One push can move several refs; upstream refreshes for the first, and so does Wharf.
        guard let change = json[path: ["push", "changes"]]?.arrayValue?.first else {
            throw .malformedPayload(.bitbucket, "the push event has no push.changes")
        }
        // A deleted branch has no `new`; its name is then only in `old`.
        guard let name = change.payloadString("new", "name") ?? change.payloadString("old", "name") else {
            throw .malformedPayload(.bitbucket, "push.changes[0] names no branch or tag")
        }
        let push = PushEvent(
            provider: .bitbucket, repositoryURLs: [json.payloadString("repository", "links", "html", "href")].compactMap(\.self), revision: name,
            commitSHA: change.payloadString("new", "target", "hash"), previousCommitSHA: change.payloadString("old", "target", "hash")
        )
        guard !push.repositoryURLs.isEmpty else { throw .malformedPayload(.bitbucket, "the push event has no repository.links.html.href") }
        return .push(push)
    }
}
