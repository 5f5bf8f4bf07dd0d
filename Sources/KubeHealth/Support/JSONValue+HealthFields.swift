import KubeModel

/// Field readers with the zero values Go's typed decoding gives absent fields, so that every check
/// compares the same numbers and strings upstream's checks do.
extension JSONValue {
    /// The integer at a path, or nil when absent (a Go pointer field such as `spec.replicas`).
    func optionalInt(at path: String...) -> Int64? {
        self[path: path]?.int64Value
    }

    /// The integer at a path, or 0 when absent (a Go value field such as `status.readyReplicas`).
    func int(at path: String...) -> Int64 {
        self[path: path]?.int64Value ?? 0
    }

    /// The string at a path, or "" when absent.
    func string(at path: String...) -> String {
        self[path: path]?.stringValue ?? ""
    }

    /// The number of elements of the array at a path; 0 when absent or not an array.
    func count(at path: String...) -> Int {
        self[path: path]?.arrayValue?.count ?? 0
    }

    /// `metadata.name`, used in messages that name the object.
    var objectName: String { string(at: "metadata", "name") }

    /// `metadata.generation`, 0 when absent.
    var generation: Int64 { int(at: "metadata", "generation") }

    /// `status.observedGeneration`, 0 when absent.
    var observedGeneration: Int64 { int(at: "status", "observedGeneration") }
}
