import KubeModel

extension WebhookRequest {
    /// A GitLab delivery: branch and tag pushes, also when they arrive as system hooks.
    func gitLabOutcome() throws(WebhookError) -> WebhookOutcome {
        let event = headers["X-Gitlab-Event"] ?? ""
        switch event {
        case "Push Hook", "Tag Push Hook", "System Hook": break
        default: return .ignored(.gitLab, event: event)
        }
        let json = try payload(.gitLab)
        if event == "System Hook" {
            // System hooks carry every kind of instance event under one header; the body says which.
            let kind = json.payloadString("event_name") ?? json.payloadString("object_kind") ?? ""
            guard kind == "push" || kind == "tag_push" else { return .ignored(.gitLab, event: "System Hook (\(kind))") }
        }
        guard let ref = json.payloadString("ref") else { throw .malformedPayload(.gitLab, "the push event has no ref") }
        let push = PushEvent(
            provider: .gitLab,
            repositoryURLs: [
                json.payloadString("project", "web_url"), json.payloadString("project", "git_http_url"), json.payloadString("project", "git_ssh_url"),
                json.payloadString("repository", "homepage"), json.payloadString("repository", "git_http_url"),
                json.payloadString("repository", "git_ssh_url"),
            ].compactMap(\.self),
            revision: PushEvent.revision(ofRef: ref), commitSHA: json.payloadString("after"), previousCommitSHA: json.payloadString("before"),
            changedFiles: json.changedFiles(totalCommits: json["total_commits_count"]?.int64Value),
            defaultBranch: json.payloadString("project", "default_branch")
        )
        guard !push.repositoryURLs.isEmpty else { throw .malformedPayload(.gitLab, "the push event has no project.web_url") }
        return .push(push)
    }
}
