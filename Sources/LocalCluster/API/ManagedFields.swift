import KubeModel

/// Field ownership in `metadata.managedFields`, as server-side apply keeps it: an update makes its
/// manager the owner of the fields it changed; an apply makes its manager the owner of exactly the
/// fields in its configuration, removes the fields it applied before and dropped (unless someone
/// else owns them too), and conflicts with other owners of fields it would change.
enum ManagedFields {
    /// One entry of `managedFields`, with its field set parsed.
    struct Entry {
        var manager: String
        var operation: String
        var subresource: String?
        var fields: FieldSet
        var apiVersion: String
        var time: String

        init(manager: String, operation: String, subresource: String?, fields: FieldSet, apiVersion: String, time: String) {
            self.manager = manager
            self.operation = operation
            self.subresource = subresource
            self.fields = fields
            self.apiVersion = apiVersion
            self.time = time
        }

        init(_ json: JSONValue) {
            manager = json["manager"]?.stringValue ?? ""
            operation = json["operation"]?.stringValue ?? "Update"
            subresource = json["subresource"]?.stringValue
            fields = FieldSet(fieldsV1: json["fieldsV1"] ?? .emptyObject)
            apiVersion = json["apiVersion"]?.stringValue ?? ""
            time = json["time"]?.stringValue ?? ""
        }

        func isSameOwner(as other: Entry) -> Bool {
            manager == other.manager && operation == other.operation && subresource == other.subresource
        }

        var json: JSONValue {
            var entry: JSONObject = [
                "manager": .string(manager), "operation": .string(operation), "apiVersion": .string(apiVersion),
                "time": .string(time), "fieldsType": "FieldsV1", "fieldsV1": fields.fieldsV1,
            ]
            if let subresource { entry["subresource"] = .string(subresource) }
            return .object(entry)
        }
    }

    /// A field another manager owns that an apply would change.
    struct Conflict {
        var manager: String
        var path: [String]

        /// The path as Kubernetes prints it: `.spec.replicas`, `.spec.containers[name="web"].image`.
        var description: String {
            path.map { step in
                if step.hasPrefix("f:") { return "." + step.dropFirst(2) }
                let identity = (try? JSONParser.parse(String(step.dropFirst(2))).objectValue) ?? [:]
                return "[" + identity.map { "\($0.key)=\(JSONWriter.string($0.value))" }.joined(separator: ",") + "]"
            }.joined()
        }
    }

    static func entries(of object: JSONValue) -> [Entry] {
        (object[path: ["metadata", "managedFields"]]?.arrayValue ?? []).map(Entry.init)
    }

    static func schemaType(_ info: ResourceInfo) -> PatchSchemaType? {
        PatchSchema.builtin.type(for: info.groupVersionKind)
    }

    /// The entries after `manager` wrote `new` over `old` (nil for a create) with a non-apply write:
    /// it owns what it changed, and others no longer own that.
    static func afterUpdate(
        old: JSONValue?, new: JSONValue, info: ResourceInfo, manager: String, subresource: String?, timestamp: String
    ) -> [JSONValue] {
        let written = FieldSet(of: new, type: schemaType(info))
        var changed = FieldSet()
        for leaf in written.leaves where old.map({ FieldSet.value(at: leaf[...], in: $0) != FieldSet.value(at: leaf[...], in: new) }) ?? true {
            changed.insert(leaf[...])
        }
        var entries = old.map(entries(of:)) ?? []
        let owner = Entry(manager: manager, operation: "Update", subresource: subresource, fields: FieldSet(), apiVersion: info.apiVersion, time: timestamp)
        if !changed.isEmpty || !entries.contains(where: { $0.isSameOwner(as: owner) }) {
            for index in entries.indices where !entries[index].isSameOwner(as: owner) {
                for leaf in changed.leaves { entries[index].fields.remove(leaf[...]) }
            }
            if let index = entries.firstIndex(where: { $0.isSameOwner(as: owner) }) {
                entries[index].fields.formUnion(changed)
                entries[index].time = timestamp
            } else {
                var entry = owner
                entry.fields = changed
                entries.append(entry)
            }
        }
        return entries.filter { !$0.fields.isEmpty }.map(\.json)
    }

    /// Server-side apply of `configuration` by `manager` onto `live`, whose fields `merged` already
    /// holds merged in. Returns the object to store, with its new `managedFields`.
    /// - Throws: 409 Conflict naming each conflicting manager and field, unless `force`.
    static func apply(
        configuration: JSONValue, live: JSONValue, merged: JSONValue, info: ResourceInfo, manager: String, force: Bool, timestamp: String
    ) throws(APIError) -> JSONValue {
        let applied = FieldSet(of: configuration, type: schemaType(info))
        var entries = entries(of: live)
        let owner = Entry(manager: manager, operation: "Apply", subresource: nil, fields: applied, apiVersion: info.apiVersion, time: timestamp)
        var conflicts: [Conflict] = []
        for leaf in applied.leaves {
            let changes = FieldSet.value(at: leaf[...], in: configuration) != FieldSet.value(at: leaf[...], in: live)
            for index in entries.indices where !entries[index].isSameOwner(as: owner) && entries[index].fields.overlaps(leaf[...]) {
                if force {
                    entries[index].fields.remove(leaf[...])
                } else if changes {
                    conflicts.append(Conflict(manager: entries[index].manager, path: leaf))
                }
            }
        }
        if !conflicts.isEmpty {
            let described = conflicts.map { "conflict with \"\($0.manager)\" using \(info.apiVersion): \($0.description)" }
            throw APIError(
                code: 409, reason: "Conflict",
                message: "Apply failed with \(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s"): \(described.joined(separator: "; "))")
        }
        var result = merged
        // Fields this manager applied before and has now dropped go, unless another manager owns them.
        if let previous = entries.first(where: { $0.isSameOwner(as: owner) }) {
            for leaf in previous.fields.leaves where !applied.overlaps(leaf[...]) {
                let ownedElsewhere = entries.contains { !$0.isSameOwner(as: owner) && $0.fields.overlaps(leaf[...]) }
                if !ownedElsewhere { FieldSet.removeValue(at: leaf[...], in: &result) }
            }
        }
        entries.removeAll { $0.isSameOwner(as: owner) }
        entries.append(owner)
        result[path: ["metadata", "managedFields"]] = .array(entries.filter { !$0.fields.isEmpty }.map(\.json))
        return result
    }
}
