import Foundation
import GRDB

/// The manifest cache on disk: one SQLite database (WAL, `synchronous=NORMAL`, so a commit costs no
/// fsync) instead of a file per record, because creating and renaming thousands of small files is
/// slow on real disks (milliseconds each with online discard). The cache can always be rebuilt, so a
/// database that cannot be opened is started afresh.
final class ManifestDatabase: Sendable {
    private let database: DatabaseQueue

    init(path: URL) throws {
        do {
            database = try Self.open(path)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path.path + suffix) }
            database = try Self.open(path)
        }
    }

    private static func open(_ path: URL) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let database = try DatabaseQueue(path: path.path, configuration: configuration)
        try database.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        try database.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, body BLOB NOT NULL) WITHOUT ROWID;
                    CREATE TABLE IF NOT EXISTS latest (identity TEXT PRIMARY KEY, key TEXT NOT NULL) WITHOUT ROWID;
                    """)
        }
        return database
    }

    /// The stored body of `key`.
    func record(_ key: String) -> Data? {
        try? database.read { db in try Data.fetchOne(db, sql: "SELECT body FROM records WHERE key = ?", arguments: [key]) }
    }

    /// The latest key of `identity`.
    func latestKey(_ identity: String) -> String? {
        try? database.read { db in try String.fetchOne(db, sql: "SELECT key FROM latest WHERE identity = ?", arguments: [identity]) }
    }

    /// Stores a record and makes it the latest of its identity, in one transaction.
    func store(_ body: Data, key: String, identity: String) {
        try? database.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO records (key, body) VALUES (?, ?)", arguments: [key, body])
            try db.execute(sql: "INSERT OR REPLACE INTO latest (identity, key) VALUES (?, ?)", arguments: [identity, key])
        }
    }
}
