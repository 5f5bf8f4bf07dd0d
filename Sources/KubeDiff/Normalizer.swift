public import KubeModel

/// Removes or rewrites parts of an object that should not count as a difference.
///
/// Normalisers run on both sides of a comparison, so anything one removes is invisible to the diff.
public protocol Normalizer: Sendable {
    /// Normalises `object` in place.
    func normalize(_ object: inout JSONValue)
}
