/// A Git repository URL reduced to what identifies the repository: host and path.
///
/// Two URLs name the same repository when host and path agree, whatever the scheme (`https`, `ssh`
/// or scp-like `user@host:path`), user name, port, letter case, a trailing `/` or `.git`, and an
/// `ssh.` or `altssh.` host prefix (GitLab's and Azure DevOps' SSH hosts). These are the
/// equivalences of upstream's webhook URL pattern, plus trailing slashes. So
/// `git@github.com:org/repo.git`, `ssh://git@github.com:22/org/repo` and
/// `https://github.com/Org/Repo/` all name the same repository.
public struct RepositoryURL: Sendable, Hashable {
    /// The host name in lower case, without user name or port.
    public let host: String
    /// The path in lower case, without leading or trailing `/` and without a `.git` suffix.
    public let path: String

    /// Reduces a URL in any of the forms Git accepts.
    public init(_ url: String) {
        var rest = Substring(url.trimming(while: \.isWhitespace))
        let authority: Substring
        var path: Substring
        if let separator = rest.firstRange(of: "://") {
            rest = rest[separator.upperBound...]
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = Self.withoutPort(Self.withoutUser(rest[..<slash]))
            path = rest[slash...]
        } else if let colon = Self.scpColon(rest) {
            // scp-like syntax: everything after the colon is the path, never a port.
            authority = Self.withoutUser(rest[..<colon])
            path = rest[rest.index(after: colon)...]
        } else {
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = Self.withoutUser(rest[..<slash])
            path = rest[slash...]
        }
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        var trimmed = path.lowercased().trimming(while: { $0 == "/" })
        if trimmed.hasSuffix(".git") { trimmed = trimmed.dropLast(4).trimming(while: { $0 == "/" }) }
        host = authority.lowercased()
        self.path = trimmed
    }

    /// Whether both URLs name the same repository.
    public func isSameRepository(as other: RepositoryURL) -> Bool {
        path == other.path && Self.withoutSSHPrefix(host) == Self.withoutSSHPrefix(other.host)
    }

    /// The colon that ends the host of scp-like syntax (`user@host:path`, `[::1]:path`), or nil when
    /// a `/` comes first and the text is a plain `host/path`.
    private static func scpColon(_ text: Substring) -> Substring.Index? {
        var start = text.startIndex
        if let open = text.firstIndex(of: "["), !text[..<open].contains(":"), let close = text[open...].firstIndex(of: "]") { start = close }
        guard let colon = text[start...].firstIndex(of: ":"), !text[..<colon].contains("/") else { return nil }
        return colon
    }

    private static func withoutUser(_ authority: Substring) -> Substring {
        guard let at = authority.lastIndex(of: "@") else { return authority }
        return authority[authority.index(after: at)...]
    }

    private static func withoutPort(_ authority: Substring) -> Substring {
        // An IPv6 literal has colons of its own; only a colon after the closing bracket starts a port.
        let searchStart = authority.lastIndex(of: "]") ?? authority.startIndex
        guard let colon = authority[searchStart...].lastIndex(of: ":") else { return authority }
        return authority[..<colon]
    }

    private static func withoutSSHPrefix(_ host: String) -> Substring {
        for prefix in ["altssh.", "ssh."] where host.hasPrefix(prefix) {
            return host.dropFirst(prefix.count)
        }
        return Substring(host)
    }
}
