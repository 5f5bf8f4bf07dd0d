import KubeModel

extension WebhookRequest {
    /// An Azure DevOps service hook: `git.push` matters, every other event type is ignored. The
    /// payload lists no changed files (upstream asks Azure's API for them).
    func azureDevOpsOutcome() throws(WebhookError) -> WebhookOutcome {
        let json = try payload(.azureDevOps)
        let event = json.payloadString("eventType") ?? ""
        guard event == "git.push" else { return .ignored(.azureDevOps, event: event) }
        guard let update = json[path: ["resource", "refUpdates"]]?.arrayValue?.first, let ref = update.payloadString("name") else {
            throw .malformedPayload(.azureDevOps, "the git.push event has no resource.refUpdates[0].name")
        }
        let push = PushEvent(
            provider: .azureDevOps,
            repositoryURLs: [
                json.payloadString("resource", "repository", "remoteUrl"), json.payloadString("resource", "repository", "sshUrl"),
            ].compactMap(\.self),
            revision: PushEvent.revision(ofRef: ref), commitSHA: update.payloadString("newObjectId"),
            previousCommitSHA: update.payloadString("oldObjectId"),
            defaultBranch: json.payloadString("resource", "repository", "defaultBranch").map(PushEvent.revision(ofRef:))
        )
        guard !push.repositoryURLs.isEmpty else { throw .malformedPayload(.azureDevOps, "the git.push event has no resource.repository.remoteUrl") }
        return .push(push)
    }
}
