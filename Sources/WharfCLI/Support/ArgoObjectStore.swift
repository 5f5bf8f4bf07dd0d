import KubeClient
import KubeModel

/// Argo CD objects of one kind and namespace (AppProjects, ApplicationSets), read and changed
/// through the Kubernetes API. Every change is a conditional update of the object as read (its
/// `resourceVersion`), redone from a fresh read when someone else wrote in between, so concurrent
/// edits are never lost and fields Wharf does not know stay as they are.
struct ArgoObjectStore {
    let client: KubeClient
    let namespace: String
    /// Where the objects live.
    let resource: GroupVersionResource
    /// What messages call one, such as `project`.
    let noun: String
    /// The command that lists them, for messages about a missing one.
    let listCommand: String
    /// Refuses an object the controllers could not use, naming the field; run before every write.
    let check: (KubeObject) throws -> Void

    /// How many times a change is redone after conflicting writes before giving up.
    private static let attempts = 5

    /// The object `name`, or a failure saying it does not exist.
    func get(_ name: String) async throws -> KubeObject {
        do {
            return try await client.get(resource, namespace: namespace, name: name)
        } catch {
            if error.category == .notFound { throw notFound(name) }
            throw error
        }
    }

    /// Every object, sorted by name.
    func list() async throws -> [KubeObject] {
        try await client.listAll(resource, namespace: namespace).items.sortedByName()
    }

    /// Applies `change` to the live object and writes the result when it differs, checking it
    /// first. `change` may run more than once (after a conflicting write), always on a fresh read.
    /// - Returns: Whether the object was written.
    @discardableResult
    func edit(_ name: String, _ change: (inout KubeObject) throws -> Void) async throws -> Bool {
        var attempt = 0
        while true {
            attempt += 1
            let live = try await get(name)
            var desired = live
            try change(&desired)
            guard desired != live else { return false }
            try check(desired)
            do {
                _ = try await client.update(resource, namespace: namespace, desired)
                return true
            } catch {
                if error.category == .conflict && attempt < Self.attempts { continue }
                throw error
            }
        }
    }

    /// Creates `object`; an existing one with the same spec is left alone, one with a different
    /// spec is replaced (spec, labels and annotations) only with `upsert`, as upstream's API server decides.
    /// - Returns: What happened: `created`, `updated` or `unchanged`.
    func create(_ object: KubeObject, upsert: Bool) async throws -> String {
        try check(object)
        var attempt = 0
        while true {
            attempt += 1
            do {
                _ = try await client.create(resource, namespace: namespace, object)
                return "created"
            } catch {
                guard error.category == .alreadyExists else { throw error }
            }
            let live = try await get(object.name)
            if live["spec"] == object["spec"] { return "unchanged" }
            guard upsert else {
                throw CommandFailure("\(noun) \(object.name) already exists with a different spec; pass --upsert to replace it")
            }
            var replacement = live
            replacement["spec"] = object["spec"]
            for key in ["labels", "annotations"] {
                if let value = object[path: "metadata", key] { replacement[path: "metadata", key] = value }
            }
            do {
                _ = try await client.update(resource, namespace: namespace, replacement)
                return "updated"
            } catch {
                if error.category == .conflict && attempt < Self.attempts { continue }
                throw error
            }
        }
    }

    /// Deletes object `name`.
    func delete(_ name: String) async throws {
        do {
            try await client.delete(resource, namespace: namespace, name: name)
        } catch {
            if error.category == .notFound { throw notFound(name) }
            throw error
        }
    }

    private func notFound(_ name: String) -> CommandFailure {
        CommandFailure("\(noun) \(name) not found in namespace \(namespace); list them with '\(listCommand)'")
    }
}
