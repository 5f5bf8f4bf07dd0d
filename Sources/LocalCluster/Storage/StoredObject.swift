public import KubeModel

/// An object as the store keeps it: its serialized JSON (what clients receive, so lists and watches
/// need no re-encoding), its resource version, and the labels selectors read.
public struct StoredObject: Sendable {
    /// The object's JSON text, `metadata.resourceVersion` included.
    public var json: [UInt8]
    /// The resource version of the write that produced this state.
    public var resourceVersion: Int64
    /// `metadata.labels`, kept parsed for label selectors.
    public var labels: [String: String]

    /// Creates a stored form of `object`, which must already carry `resourceVersion` in its metadata.
    public init(object: JSONValue, resourceVersion: Int64) {
        self.json = Array(JSONWriter.string(object).utf8)
        self.resourceVersion = resourceVersion
        self.labels = object.stringMap(at: ["metadata", "labels"])
    }

    /// Restores a stored form read from disk.
    init(json: [UInt8], resourceVersion: Int64) throws(DocumentError) {
        self.json = json
        self.resourceVersion = resourceVersion
        self.labels = try JSONParser.parse(bytes: json).stringMap(at: ["metadata", "labels"])
    }

    /// The object, parsed.
    public func object() -> JSONValue {
        // The store only ever holds JSON it wrote itself.
        (try? JSONParser.parse(bytes: json)) ?? .null
    }
}
