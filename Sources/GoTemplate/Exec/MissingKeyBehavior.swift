/// What a missing map key evaluates to: Go's `missingkey` template option.
public enum MissingKeyBehavior: Sendable {
    /// `missingkey=default`: no value; printed as `<no value>`.
    case noValue
    /// `missingkey=zero`: the zero value of the map's element type (a nil interface for
    /// `map[string]interface{}`, still printed as `<no value>`). Helm uses this.
    case zero
    /// `missingkey=error`: execution stops with `map has no entry for key "k"`.
    case error
}
