extension JSONValue {
    /// Equality that also tells `1` from `1.0` and member order apart: whether writing both gives the
    /// same text. Patch creation uses it so that applying a created patch reproduces literals exactly.
    public func isIdentical(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.number(let left), .number(let right)): return left.literal == right.literal
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.isIdentical(to: $1) }
        case (.object(let left), .object(let right)):
            return left.count == right.count
                && zip(left, right).allSatisfy { $0.key == $1.key && $0.value.isIdentical(to: $1.value) }
        default: return self == other
        }
    }
}
