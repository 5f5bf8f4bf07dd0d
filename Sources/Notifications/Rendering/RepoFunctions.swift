import GoTemplate

/// `.repo`: upstream's repository helpers that need no repository server, called as
/// `{{call .repo.RepoURLToHTTPS .app.spec.source.repoURL}}`. (`GetCommitMetadata` and
/// `GetAppDetails`, which ask the repository server, are not provided.)
enum RepoFunctions {
    static let value: GoValue = .map(
        GoMap([
            "RepoURLToHTTPS": .object(GoFunctionValue(GoFunction("RepoURLToHTTPS", [.string]) { arguments, _ in .string(httpsURL(arguments[0].asString ?? "")) })),
            "FullNameByRepoURL": .object(GoFunctionValue(GoFunction("FullNameByRepoURL", [.string]) { arguments, _ in .string(fullName(arguments[0].asString ?? "")) })),
        ]))

    /// The repository's URL with the `https` scheme and no credentials: `git@github.com:org/repo.git`
    /// and `ssh://git@github.com/org/repo.git` both become `https://github.com/org/repo.git`.
    static func httpsURL(_ url: String) -> String {
        guard let (host, path) = hostAndPath(url) else { return url }
        return "https://" + host + (path.isEmpty ? "" : "/" + path)
    }

    /// `org/repo` for any form of the repository's URL.
    static func fullName(_ url: String) -> String {
        guard let (_, path) = hostAndPath(url) else { return url }
        return path.hasSuffix(".git") ? String(path.dropLast(4)) : path
    }

    /// The host (with any port) and the path without its leading `/`, for scheme URLs and scp-like
    /// `user@host:path` ones.
    private static func hostAndPath(_ url: String) -> (String, String)? {
        var rest = Substring(url)
        if let scheme = rest.firstRange(of: "://") {
            rest = rest[scheme.upperBound...]
            let authority = rest.prefix { $0 != "/" }
            let host = authority.split(separator: "@").last.map(String.init) ?? ""
            return (host, String(rest.dropFirst(authority.count).drop { $0 == "/" }))
        }
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let host = rest[..<colon].split(separator: "@").last.map(String.init) ?? ""
        return (host, String(rest[rest.index(after: colon)...].drop { $0 == "/" }))
    }
}
