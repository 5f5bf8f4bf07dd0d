import Foundation
import GRDB

/// Keeps the embedded cluster's objects in one SQLite database (WAL mode), one row per object.
///
/// WAL with `synchronous=NORMAL` makes each committed transaction survive a killed process: the data
/// has reached the operating system before the store acknowledges the write. (A power loss may drop the
/// last transactions; the embedded cluster is a development and test cluster.)
public final class SQLitePersistence: StorePersistence {
    private let database: DatabaseQueue

    /// Opens (creating if needed) the database at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        database = try DatabaseQueue(path: path, configuration: configuration)
        try database.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        try database.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS objects (
                        storage TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
                        resource_version INTEGER NOT NULL, data BLOB NOT NULL,
                        PRIMARY KEY (storage, namespace, name)) WITHOUT ROWID;
                    CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                    """)
        }
    }

    public func load() throws -> (objects: [(ObjectKey, StoredObject)], resourceVersion: Int64) {
        try database.read { db in
            var objects: [(ObjectKey, StoredObject)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT storage, namespace, name, resource_version, data FROM objects")
            while let row = try rows.next() {
                let key = ObjectKey(storage: row[0], namespace: row[1], name: row[2])
                let data: Data = row[4]
                objects.append((key, try StoredObject(json: Array(data), resourceVersion: row[3])))
            }
            // Saved objects carry their own versions; the counter only needs to remember deletions'.
            let counter = try Int64.fetchOne(db, sql: "SELECT value FROM counters WHERE name = 'resourceVersion'") ?? 0
            let highest = objects.map(\.1.resourceVersion).max() ?? 0
            return (objects, max(counter, highest))
        }
    }

    public func save(_ key: ObjectKey, _ object: StoredObject) throws {
        try database.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO objects (storage, namespace, name, resource_version, data) VALUES (?, ?, ?, ?, ?)",
                arguments: [key.storage, key.namespace, key.name, object.resourceVersion, Data(object.json)])
        }
    }

    public func delete(_ key: ObjectKey, resourceVersion: Int64) throws {
        try database.write { db in
            try db.execute(
                sql: "DELETE FROM objects WHERE storage = ? AND namespace = ? AND name = ?",
                arguments: [key.storage, key.namespace, key.name])
            try Self.recordCounter(resourceVersion, in: db)
        }
    }

    private static func recordCounter(_ value: Int64, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO counters (name, value) VALUES ('resourceVersion', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            arguments: [value])
    }
}
