import Foundation
import Logging
import Synchronization

/// Bearer tokens from a kube-apiserver `--token-auth-file`: CSV lines `token,user,uid,"group1,group2"`
/// (the groups column is optional).
///
/// Unlike kube-apiserver, which reads the file once, the file is read again when it changes, so that
/// removing a line revokes its token at once: each lookup costs one `stat`, and the file is parsed only
/// when its size, modification time or inode differ from the last read. A file that becomes unreadable
/// or invalid grants nothing until it is fixed, rather than leaving revoked tokens working.
final class TokenFile: Sendable {
    let path: String
    private let logger: Logger
    private let state: Mutex<State>

    private struct State {
        var tokens: [String: UserInfo]
        var signature: FileSignature?
    }

    /// What identifies one version of the file without reading it.
    private struct FileSignature: Equatable {
        var inode: Int
        var size: Int
        var modified: Date

        init?(path: String) {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let inode = attributes[.systemFileNumber] as? Int, let size = attributes[.size] as? Int,
                let modified = attributes[.modificationDate] as? Date
            else { return nil }
            self.inode = inode
            self.size = size
            self.modified = modified
        }
    }

    /// Reads the file.
    /// - Throws: ``TokenFileError`` when it cannot be read or a line is malformed, so that a cluster
    ///   never starts with a token file it ignores.
    init(path: String, logger: Logger) throws(TokenFileError) {
        self.path = path
        self.logger = logger
        let signature = FileSignature(path: path)
        state = Mutex(State(tokens: try Self.read(path), signature: signature))
    }

    /// The user `token` authenticates, or nil when the file does not hold it (any more).
    func user(for token: String) -> UserInfo? {
        let signature = FileSignature(path: path)
        return state.withLock { state in
            if signature != state.signature {
                state.signature = signature
                do {
                    state.tokens = try Self.read(path)
                } catch {
                    state.tokens = [:]
                    logger.error("ignoring every token of the token file until it is fixed: \(error)")
                }
            }
            return state.tokens[token]
        }
    }

    /// Parses the file as kube-apiserver does: at least three columns per record, empty tokens skipped,
    /// the fourth column a comma-separated group list.
    private static func read(_ path: String) throws(TokenFileError) -> [String: UserInfo] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TokenFileError(path: path, reason: "the file cannot be read; check that it exists and is readable")
        }
        var tokens: [String: UserInfo] = [:]
        for (line, record) in try CSVRecords.parse(String(decoding: data, as: UTF8.self), path: path) {
            guard record.count >= 3 else {
                throw TokenFileError(
                    path: path, line: line, reason: "a line needs at least 3 columns (token, user name, user uid), found \(record.count)")
            }
            guard !record[0].isEmpty else { continue }
            let groups = record.count >= 4 ? record[3].split(separator: ",").map(String.init) : []
            tokens[record[0]] = UserInfo(authenticated: record[1], uid: record[2], groups: groups)
        }
        return tokens
    }
}
