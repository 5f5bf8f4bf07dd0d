import Crypto
public import Foundation

/// Local mirrors of Git repositories: one bare mirror per repository URL under the cache directory
/// (named by a digest of the URL, so neither credentials nor odd characters reach the file system),
/// fetched under a per-repository lock, with a read-only checkout per commit that generations share.
///
/// Credentials reach git through the environment (a credential helper defined there reads them from
/// variables) or an SSH key file that lives only for the command — never through arguments, logs or
/// errors.
public actor GitRepositoryCache {
    /// Where mirrors and checkouts live.
    public nonisolated let directory: URL
    private let git: GitCommand
    private let limits: CheckoutLimits
    private let metrics: RepoServerMetrics?
    private var partialCheckouts: [String: Int] = [:]
    private var busy: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]
    private var counts: [String: Int] = [:]

    /// Creates a cache in `directory` (created if missing).
    /// - Parameter timeout: How long one git command may run (Argo CD's exec timeout is 90 s).
    /// - Parameter limits: The largest tree a checkout may extract.
    /// - Parameter metrics: Where git requests are counted and timed.
    public init(directory: URL, timeout: Duration = .seconds(90), limits: CheckoutLimits = CheckoutLimits(), metrics: RepoServerMetrics? = nil) throws {
        self.directory = directory
        self.metrics = metrics
        self.limits = limits
        git = GitCommand(timeout: timeout)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("mirrors"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("checkouts"), withIntermediateDirectories: true)
    }

    /// Git requests made so far by type (`ls-remote`, `fetch`), as `argocd_git_request_total` counts them.
    public var requestCounts: [String: Int] { counts }

    /// The refs the remote advertises.
    public func listReferences(_ url: String, credentials: GitCredentials = .anonymous) async throws(GitError) -> [GitReference] {
        counts["ls-remote", default: 0] += 1
        let started = ContinuousClock.now
        defer { record("ls-remote", url, since: started) }
        let output = try await runWithCredentials(["ls-remote", "--", url], url: url, credentials: credentials, in: nil)
        return String(decoding: output.standardOutput, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return GitReference(name: String(parts[1]), commit: String(parts[0]))
        }
    }

    /// The commit `revision` names in the remote: `HEAD`, a branch, a tag, a semver constraint over
    /// tags, or a full or short commit SHA (short ones after a fetch).
    public func resolve(_ url: String, revision: String, credentials: GitCredentials = .anonymous) async throws(GitError) -> String {
        let references = try await listReferences(url, credentials: credentials)
        switch RevisionResolver.resolve(revision, references: references) {
        case .commit(let commit):
            return commit
        case .needsFetch(let prefix):
            try await fetch(url, credentials: credentials)
            let mirror = mirrorPath(url)
            let output = try await git.run(["rev-parse", "--verify", "--quiet", "\(prefix)^{commit}"], in: mirror)
            guard output.status == 0 else { throw Self.notFound(revision, url) }
            return String(decoding: output.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        case nil:
            throw Self.notFound(revision, url)
        }
    }

    /// Brings the mirror up to date with every branch and tag of the remote.
    public func fetch(_ url: String, credentials: GitCredentials = .anonymous) async throws(GitError) {
        let key = mirrorKey(url)
        await lock(key)
        defer { unlock(key) }
        let mirror = mirrorPath(url)
        if !FileManager.default.fileExists(atPath: mirror.appendingPathComponent("HEAD").path) {
            try? FileManager.default.createDirectory(at: mirror, withIntermediateDirectories: true)
            try await check(git.run(["init", "--bare", "--quiet"], in: mirror), "initialise a mirror of \(Self.redacted(url))")
        }
        counts["fetch", default: 0] += 1
        let started = ContinuousClock.now
        defer { record("fetch", url, since: started) }
        _ = try await runWithCredentials(
            ["fetch", "--quiet", "--prune", "--force", "--tags", url, "+refs/heads/*:refs/heads/*"], url: url, credentials: credentials, in: mirror)
    }

    /// Makes sure the mirror has `commit`, fetching once if not; callers that wait for the same
    /// repository's lock meanwhile find the commit there and do not fetch again.
    public func ensureCommit(_ url: String, commit: String, credentials: GitCredentials = .anonymous) async throws(GitError) {
        if await hasCommit(url, commit) { return }
        let key = mirrorKey(url)
        await lock(key)
        let present = await hasCommit(url, commit)
        unlock(key)
        if !present { try await fetch(url, credentials: credentials) }
        guard await hasCommit(url, commit) else { throw Self.notFound(commit, url) }
    }

    private func hasCommit(_ url: String, _ commit: String) async -> Bool {
        let mirror = mirrorPath(url)
        guard FileManager.default.fileExists(atPath: mirror.appendingPathComponent("HEAD").path) else { return false }
        return (try? await git.run(["cat-file", "-e", "\(commit)^{commit}"], in: mirror))?.status == 0
    }

    /// A checkout of `commit`, fetched first if the mirror lacks it; shared and read-only by convention.
    ///
    /// With `only`, and while no full checkout of the commit exists, just that path is extracted (into
    /// a directory of its own, laid out like the repository): regenerating one changed application of a
    /// large monorepo then writes its files instead of the whole tree. After a few such partial
    /// checkouts of one commit, the whole tree is extracted once instead, which is cheaper from there.
    public func checkout(_ url: String, commit: String, credentials: GitCredentials = .anonymous, only path: String? = nil) async throws(GitError) -> URL {
        let commitDirectory = directory.appendingPathComponent("checkouts").appendingPathComponent(mirrorKey(url))
        let full = commitDirectory.appendingPathComponent(commit)
        if FileManager.default.fileExists(atPath: full.path) { return full }
        try await ensureCommit(url, commit: commit, credentials: credentials)
        if let path, !path.isEmpty, partialCheckouts[full.path, default: 0] < Self.partialCheckoutLimit {
            let partial = commitDirectory.appendingPathComponent("\(commit).paths").appendingPathComponent(mirrorKey(path))
            if FileManager.default.fileExists(atPath: partial.path) { return partial }
            partialCheckouts[full.path, default: 0] += 1
            // A path the commit lacks is for the caller to report, from a full checkout.
            if (try? await extract(url, commit, paths: [path], into: partial)) != nil { return partial }
        }
        try await extract(url, commit, paths: [], into: full)
        return full
    }

    /// Partial checkouts of one commit before a full one is cheaper.
    private static let partialCheckoutLimit = 16

    /// Extracts `paths` of `commit` (everything when empty) into `target` under the repository lock,
    /// through a staging directory renamed into place so that a half-written checkout is never used.
    private func extract(_ url: String, _ commit: String, paths: [String], into target: URL) async throws(GitError) {
        let mirror = mirrorPath(url)
        let key = mirrorKey(url)
        await lock(key)
        defer { unlock(key) }
        if FileManager.default.fileExists(atPath: target.path) { return }
        let staging = target.deletingLastPathComponent().appendingPathComponent(".staging-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw GitError(.failed, "cannot create a checkout directory: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: staging) }
        try await checkSize(commit, paths: paths, of: url, in: mirror)
        let tarball = staging.appendingPathComponent(".archive.tar")
        let archive = try await git.run(["archive", "--format=tar", "--output=\(tarball.path)", commit, "--"] + paths, in: mirror)
        guard archive.status == 0 else { throw Self.notFound(commit, url) }
        let extract = GitCommand(executable: "/bin/tar", timeout: .seconds(90))
        try await check(extract.run(["-x", "-f", tarball.path, "-C", staging.path]), "extract \(commit) of \(Self.redacted(url))")
        try? FileManager.default.removeItem(at: tarball)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: staging, to: target)
        } catch {
            if !FileManager.default.fileExists(atPath: target.path) {
                throw GitError(.failed, "cannot place the checkout of \(commit): \(error.localizedDescription)")
            }
        }
    }

    /// Refuses a commit whose tree is larger than the checkout limits, before anything is written.
    private func checkSize(_ commit: String, paths: [String], of url: String, in mirror: URL) async throws(GitError) {
        let listing = try await git.run(["ls-tree", "-r", "-l", "--full-tree", commit, "--"] + paths, in: mirror)
        guard listing.status == 0 else { throw Self.notFound(commit, url) }
        var files = 0
        var bytes = 0
        for line in listing.standardOutput.split(separator: UInt8(ascii: "\n")) {
            files += 1
            // "<mode> <type> <object> <size>\t<path>"; submodules and links show "-" for the size.
            let fields = line.prefix { $0 != UInt8(ascii: "\t") }.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
            if fields.count == 4, let size = Int(String(decoding: fields[3], as: UTF8.self)) { bytes += size }
        }
        if files > limits.maxFiles || bytes > limits.maxBytes {
            throw GitError(
                .tooLarge,
                "commit \(commit) of \(Self.redacted(url)) has \(files) files and \(bytes) bytes, over the checkout limit of \(limits.maxFiles) files and \(limits.maxBytes) bytes")
        }
    }

    /// The files that differ between two commits (both must be in the mirror), for change detection.
    public func changedFiles(_ url: String, from: String, to: String) async throws(GitError) -> [String] {
        let output = try await git.run(["diff", "--name-only", "--no-renames", from, to], in: mirrorPath(url))
        guard output.status == 0 else { throw GitError(.failed, "cannot compare \(from) and \(to) of \(Self.redacted(url)): \(output.standardError)") }
        return String(decoding: output.standardOutput, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    // MARK: - Internals

    private func record(_ type: String, _ url: String, since started: ContinuousClock.Instant) {
        let elapsed = (ContinuousClock.now - started).components
        metrics?.recordGitRequest(repo: Self.redacted(url), type: type, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }

    private func mirrorKey(_ url: String) -> String {
        SHA256.hash(data: Data(url.utf8)).prefix(16).hexString
    }

    private func mirrorPath(_ url: String) -> URL {
        directory.appendingPathComponent("mirrors").appendingPathComponent(mirrorKey(url))
    }

    private func lock(_ key: String) async {
        if busy.insert(key).inserted { return }
        await withCheckedContinuation { waiting[key, default: []].append($0) }
    }

    private func unlock(_ key: String) {
        if var queue = waiting[key], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[key] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            busy.remove(key)
        }
    }

    /// Runs a command that talks to the remote, with the credentials in its environment and any SSH
    /// key in a file that exists only while it runs.
    ///
    /// Whatever the credentials, nothing may ever wait for a person: git's own prompts are off
    /// (`GIT_TERMINAL_PROMPT=0`, set by ``GitCommand``), the askpass program fails at once, configured
    /// credential helpers are switched off (they could open a dialog, or store the password on disk),
    /// and ssh always runs in batch mode — ssh ignores `GIT_TERMINAL_PROMPT` and, left to itself, asks
    /// on the terminal whether to trust an unknown host key.
    ///
    /// The user name and password come from a credential helper defined in the environment, not from
    /// an askpass script written per command: executing a file just written races with every process
    /// this one starts meanwhile (a child that inherited the still-open file fails the exec with
    /// "Text file busy"), which concurrent fetches hit.
    private func runWithCredentials(_ arguments: [String], url: String, credentials: GitCredentials, in directory: URL?) async throws(GitError)
        -> GitCommand.Output
    {
        var environment: [String: String] = [
            // An empty `credential.helper` clears every helper of the user's and system's config.
            "GIT_CONFIG_COUNT": "1",
            "GIT_CONFIG_KEY_0": "credential.helper",
            "GIT_CONFIG_VALUE_0": "",
            // Asked only when no helper answered: fail rather than start whatever `SSH_ASKPASS` or
            // `core.askPass` names.
            "GIT_ASKPASS": "false",
            // The command is always OpenSSH's, whatever its path is called: git passes the port as `-p`.
            "GIT_SSH_VARIANT": "ssh",
        ]
        if credentials.username != nil || credentials.password != nil {
            // Git runs a helper starting with "!" through the shell; the values stay in variables,
            // out of every command line.
            environment["GIT_CONFIG_COUNT"] = "2"
            environment["GIT_CONFIG_KEY_1"] = "credential.helper"
            environment["GIT_CONFIG_VALUE_1"] =
                "!f() { test \"$1\" = get || exit 0; printf 'username=%s\\npassword=%s\\n' \"$WHARF_GIT_USERNAME\" \"$WHARF_GIT_PASSWORD\"; }; f"
            environment["WHARF_GIT_USERNAME"] = credentials.username ?? ""
            environment["WHARF_GIT_PASSWORD"] = credentials.password ?? ""
        }
        if let proxy = credentials.proxy, !proxy.isEmpty {
            for name in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"] { environment[name] = proxy }
        }
        if let noProxy = credentials.noProxy, !noProxy.isEmpty {
            environment["no_proxy"] = noProxy
            environment["NO_PROXY"] = noProxy
        }
        let scratch = self.directory.appendingPathComponent("tmp").appendingPathComponent(UUID().uuidString)
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            environment["GIT_SSH_COMMAND"] = try sshCommand(credentials, scratch: scratch)
        } catch {
            try? FileManager.default.removeItem(at: scratch)
            throw GitError(.failed, "cannot prepare credentials for \(Self.redacted(url)): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = try await git.run(arguments, in: directory, environment: environment)
        guard output.status == 0 else {
            throw Self.classify(output.standardError, url: url, credentials: credentials)
        }
        return output
    }

    /// The ssh command line for `GIT_SSH_COMMAND` (run by a shell, hence the quoting): batch mode so
    /// that ssh fails instead of prompting, host keys trusted only from ``GitCredentials/knownHosts``
    /// unless `insecure`, no connection sharing (a `ControlPersist` master from the user's ssh config
    /// would outlive git and keep its output pipes open), and bounded waits for a silent server.
    private func sshCommand(_ credentials: GitCredentials, scratch: URL) throws -> String {
        var ssh = [
            "ssh", "-o", "BatchMode=yes", "-o", "ControlMaster=no", "-o", "ControlPath=none", "-o", "ConnectTimeout=30",
            "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4", "-o", "LogLevel=ERROR",
        ]
        if let key = credentials.sshPrivateKey {
            let keyFile = scratch.appendingPathComponent("key")
            guard
                FileManager.default.createFile(
                    atPath: keyFile.path, contents: Data((key.hasSuffix("\n") ? key : key + "\n").utf8), attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteUnknown) }
            ssh += ["-i", keyFile.path, "-o", "IdentitiesOnly=yes"]
        }
        if credentials.insecure {
            ssh += ["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null"]
        } else {
            let knownHosts = scratch.appendingPathComponent("known_hosts")
            try (credentials.knownHosts ?? "").write(to: knownHosts, atomically: true, encoding: .utf8)
            // ssh splits this option's value at spaces (it takes a list) unless it is double-quoted.
            ssh += ["-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=\"\(knownHosts.path)\""]
        }
        return ssh.map(Self.shellQuoted).joined(separator: " ")
    }

    /// `word` as one shell word (the cache directory may contain spaces or quotes).
    private static func shellQuoted(_ word: String) -> String {
        if word.allSatisfy({ $0.isLetter || $0.isNumber || "-_=./,:".contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private func check(_ output: GitCommand.Output, _ what: String) throws(GitError) {
        guard output.status == 0 else { throw GitError(.failed, "cannot \(what): \(output.standardError.trimmingCharacters(in: .whitespacesAndNewlines))") }
    }

    /// A readable error from git's stderr, with any secret scrubbed out in case git echoed it.
    private static func classify(_ stderr: String, url: String, credentials: GitCredentials) -> GitError {
        var text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        for secret in [credentials.password, credentials.sshPrivateKey].compactMap({ $0 }) where !secret.isEmpty {
            text = text.replacingOccurrences(of: secret, with: "******")
        }
        text = text.replacingOccurrences(of: url, with: redacted(url))
        let lower = text.lowercased()
        if lower.contains("host key verification failed") || lower.contains("remote host identification has changed") {
            let trust = credentials.knownHosts == nil ? "no known hosts are configured" : "it is not among the known hosts"
            return GitError(
                .authentication,
                "the SSH host key of \(redacted(url)) is not trusted (\(trust)): add the host's key to the known hosts, or set insecure to skip the check: \(text)"
            )
        }
        let anonymous = credentials.username == nil && credentials.password == nil && credentials.sshPrivateKey == nil
        if anonymous && lower.contains("could not read username") {
            return GitError(.authentication, "repository \(redacted(url)) requires credentials and none are configured: \(text)")
        }
        // Status codes only as curl words them ("The requested URL returned error: 401"), since a
        // bare "401" also turns up in port numbers and object names.
        if lower.contains("authentication failed") || lower.contains("permission denied") || lower.contains("could not read username")
            || lower.contains("could not read password") || lower.contains("returned error: 401") || lower.contains("returned error: 403")
        {
            return GitError(.authentication, "repository \(redacted(url)) rejected the credentials: \(text)")
        }
        return GitError(.unreachable, "repository \(redacted(url)) cannot be read: \(text)")
    }

    private static func notFound(_ revision: String, _ url: String) -> GitError {
        GitError(.revisionNotFound, "revision \"\(revision)\" not found in \(redacted(url)); use a branch, a tag, a commit SHA or a semver constraint over tags")
    }

    /// The URL without any user information it carries.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.user != nil || components.password != nil else { return url }
        components.user = nil
        components.password = nil
        return components.string ?? url
    }
}
