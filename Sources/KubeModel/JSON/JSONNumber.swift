/// A JSON number kept exactly as written.
///
/// Kubernetes manifests distinguish `1` from `1.0` when written back, and some fields carry integers
/// larger than a `Double` holds exactly, so the literal text is the source of truth; the numeric views
/// are derived from it.
public struct JSONNumber: Sendable, CustomStringConvertible {
    /// The number's text in JSON syntax (for example `42`, `-1.50`, `1e3`).
    public let literal: String

    /// Creates a number from JSON number text; the caller guarantees it is valid JSON number syntax.
    package init(validatedLiteral: String) {
        self.literal = validatedLiteral
    }

    /// Creates an integer number.
    public init<Integer: BinaryInteger>(_ value: Integer) {
        self.literal = String(value)
    }

    /// Creates a floating-point number; integral values keep a `.0` so they stay floating-point.
    public init(_ value: Double) {
        precondition(value.isFinite, "JSON has no representation for \(value)")
        let text = String(value)
        self.literal = text.contains(where: { $0 == "." || $0 == "e" }) ? text : text + ".0"
    }

    /// The value when the literal is an integer that fits in `Int64`.
    public var int64Value: Int64? { Int64(literal) }

    /// Whether the literal has no fraction or exponent.
    public var isInteger: Bool { !literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }

    /// The value as a `Double` (integers beyond 2^53 round, as they do in every JSON consumer).
    public var doubleValue: Double { Double(literal) ?? .nan }

    public var description: String { literal }
}

extension JSONNumber: Hashable {
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.literal == rhs.literal { return true }
        if let left = lhs.int64Value, let right = rhs.int64Value { return left == right }
        if lhs.isInteger && rhs.isInteger && (lhs.int64Value == nil || rhs.int64Value == nil) {
            return false  // distinct big integers must not compare equal through Double rounding
        }
        return lhs.doubleValue == rhs.doubleValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(doubleValue)
    }
}
