import Foundation
import KubeModel

/// The `wharf` CLI's contexts: servers logged into and their tokens, in upstream's config layout
/// (`contexts`, `servers`, `users`, `current-context`), kept in a file only its owner can read.
struct CLIConfig {
    /// One server logged into.
    struct Context: Equatable {
        var name: String
        var server: String
        var token: String
        var insecure: Bool
        var plainText: Bool
    }

    var contexts: [Context] = []
    var currentContext: String?

    /// `--config`, else `$WHARF_CONFIG`, else `~/.config/wharf/config`.
    static func path(_ option: String?) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let environment = ProcessInfo.processInfo.environment["WHARF_CONFIG"], !environment.isEmpty { return URL(fileURLWithPath: environment) }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config/wharf/config")
    }

    static func load(from url: URL) throws -> CLIConfig {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return CLIConfig() }
        let document: JSONValue
        do {
            document = try YAMLReader.read(text)
        } catch {
            throw CommandFailure("cannot read \(url.path): \(error); fix or delete it and log in again")
        }
        var config = CLIConfig(currentContext: document["current-context"]?.stringValue)
        let servers = document["servers"]?.arrayValue ?? []
        let users = document["users"]?.arrayValue ?? []
        for entry in document["contexts"]?.arrayValue ?? [] {
            guard let name = entry["name"]?.stringValue, let serverName = entry["server"]?.stringValue else { continue }
            let server = servers.first { $0["server"]?.stringValue == serverName }
            let user = users.first { $0["name"]?.stringValue == entry["user"]?.stringValue }
            config.contexts.append(
                Context(
                    name: name, server: serverName, token: user?["auth-token"]?.stringValue ?? "", insecure: server?["insecure"]?.boolValue ?? false,
                    plainText: server?["plain-text"]?.boolValue ?? false))
        }
        return config
    }

    func save(to url: URL) throws {
        let document: JSONValue = [
            "contexts": .array(contexts.map { ["name": .string($0.name), "server": .string($0.server), "user": .string($0.name)] }),
            "current-context": .string(currentContext ?? ""),
            "servers": .array(contexts.map { ["server": .string($0.server), "insecure": .bool($0.insecure), "plain-text": .bool($0.plainText)] }),
            "users": .array(contexts.map { ["name": .string($0.name), "auth-token": .string($0.token)] }),
        ]
        let manager = FileManager.default
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Created with owner-only permissions before the token is written, so it is never readable by others.
        if !manager.fileExists(atPath: url.path) { manager.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) }
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(YAMLWriter.string(document).utf8))
    }

    var current: Context? { contexts.first { $0.name == currentContext } }

    mutating func upsert(_ context: Context) {
        contexts.removeAll { $0.name == context.name }
        contexts.append(context)
        currentContext = context.name
    }
}
