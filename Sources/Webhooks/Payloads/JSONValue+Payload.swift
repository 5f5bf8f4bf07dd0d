import KubeModel

extension JSONValue {
    /// The non-empty string at a path of object keys.
    func payloadString(_ path: String...) -> String? {
        guard let text = self[path: path]?.stringValue, !text.isEmpty else { return nil }
        return text
    }

    /// The strings of the array at a path of object keys; other elements are skipped.
    func payloadStrings(_ path: String...) -> [String] {
        (self[path: path]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// The files a GitHub-style `commits` array lists as added, modified or removed, or none when
    /// `totalCommits` says the array was cut short: a partial list could leave out the one file an
    /// Application watches, and an empty list means "anything may have changed".
    func changedFiles(totalCommits: Int64?) -> [String] {
        let commits = self["commits"]?.arrayValue ?? []
        if let totalCommits, totalCommits > Int64(commits.count) { return [] }
        return commits.flatMap { commit in
            commit.payloadStrings("added") + commit.payloadStrings("modified") + commit.payloadStrings("removed")
        }
    }
}
