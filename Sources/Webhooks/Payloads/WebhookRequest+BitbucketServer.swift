import KubeModel

extension WebhookRequest {
    /// A Bitbucket Server (Data Center) delivery: `repo:refs_changed` matters, every other event is
    /// ignored. Like Bitbucket Cloud, the payload lists neither changed files nor the default branch.
    func bitbucketServerOutcome() throws(WebhookError) -> WebhookOutcome {
        let event = headers["X-Event-Key"] ?? ""
        guard event == "repo:refs_changed" else { return .ignored(.bitbucketServer, event: event) }
        let json = try payload(.bitbucketServer)
        // The web page of a Bitbucket Server repository (`/projects/P/repos/r/browse`) looks like no
        // clone URL, so the clone links are what Applications are matched against.
        let cloneURLs = (json[path: ["repository", "links", "clone"]]?.arrayValue ?? []).compactMap { link -> String? in
            guard let name = link.payloadString("name"), name == "http" || name == "ssh" else { return nil }
            return link.payloadString("href")
        }
        // Several refs can change at once; upstream refreshes for the first, and so does Wharf.
        guard let change = json["changes"]?.arrayValue?.first, let ref = change.payloadString("ref", "id") ?? change.payloadString("refId") else {
            throw .malformedPayload(.bitbucketServer, "the refs_changed event has no changes[0].ref.id")
        }
        let push = PushEvent(
            provider: .bitbucketServer, repositoryURLs: cloneURLs, revision: PushEvent.revision(ofRef: ref),
            commitSHA: change.payloadString("toHash"), previousCommitSHA: change.payloadString("fromHash")
        )
        guard !push.repositoryURLs.isEmpty else { throw .malformedPayload(.bitbucketServer, "the refs_changed event has no repository.links.clone") }
        return .push(push)
    }
}
