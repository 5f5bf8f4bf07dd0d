public import KubeModel

/// The outcome of comparing one desired object with its live counterpart (gitops-engine's names).
public struct DiffResult: Sendable, Equatable {
    /// Whether applying the desired object would change the live one.
    public var modified: Bool
    /// The live object after normalisation (server-populated fields removed); `null` when absent.
    public var normalizedLive: JSONValue
    /// What the live object would look like after applying the desired one, normalised the same way;
    /// `null` when the object would be deleted.
    public var predictedLive: JSONValue

    /// Creates a result.
    public init(modified: Bool, normalizedLive: JSONValue, predictedLive: JSONValue) {
        self.modified = modified
        self.normalizedLive = normalizedLive
        self.predictedLive = predictedLive
    }

    /// The field-by-field changes from live to predicted.
    public var changes: [FieldChange] { StructuredDiff.changes(from: normalizedLive, to: predictedLive) }
}
