/// Durable storage under the object store: every write the store acknowledges has been handed to it
/// first, so a restart (or a kill -9) loses nothing that a client saw succeed.
public protocol StorePersistence: Sendable {
    /// Every stored object and the last resource version handed out.
    func load() throws -> (objects: [(ObjectKey, StoredObject)], resourceVersion: Int64)
    /// Records a created or updated object.
    func save(_ key: ObjectKey, _ object: StoredObject) throws
    /// Removes an object; `resourceVersion` is the deletion's version, which must not be handed out again.
    func delete(_ key: ObjectKey, resourceVersion: Int64) throws
}
