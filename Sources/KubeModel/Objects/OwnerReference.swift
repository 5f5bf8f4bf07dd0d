/// A `metadata.ownerReferences` entry: the object that owns this one for garbage collection.
public struct OwnerReference: Sendable, Hashable {
    /// The owner's `apiVersion`.
    public var apiVersion: String
    /// The owner's kind.
    public var kind: String
    /// The owner's name.
    public var name: String
    /// The owner's UID.
    public var uid: String
    /// Whether the owner is the managing controller.
    public var controller: Bool
    /// Whether foreground deletion of the owner waits for this object.
    public var blockOwnerDeletion: Bool

    /// Creates an owner reference.
    public init(apiVersion: String, kind: String, name: String, uid: String, controller: Bool = false, blockOwnerDeletion: Bool = false) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
    }

    /// Reads an owner reference from its JSON form; nil when required fields are missing.
    public init?(json: JSONValue) {
        guard let apiVersion = json["apiVersion"]?.stringValue, let kind = json["kind"]?.stringValue,
            let name = json["name"]?.stringValue
        else { return nil }
        self.init(
            apiVersion: apiVersion, kind: kind, name: name, uid: json["uid"]?.stringValue ?? "",
            controller: json["controller"]?.boolValue ?? false,
            blockOwnerDeletion: json["blockOwnerDeletion"]?.boolValue ?? false)
    }

    /// The JSON form, with the optional flags only when set.
    public var json: JSONValue {
        var members: JSONObject = ["apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(name), "uid": .string(uid)]
        if controller { members["controller"] = .bool(true) }
        if blockOwnerDeletion { members["blockOwnerDeletion"] = .bool(true) }
        return .object(members)
    }
}
