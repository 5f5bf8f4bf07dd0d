/// Go's template comparison functions (`eq`, `lt`, ...): basic kinds only, integers of any size and
/// signedness compare with each other, everything else must match in kind.
enum Comparison {
    private enum BasicKind {
        case bool, int, uint, float, string
    }

    private static func basicKind(_ value: GoValue) -> BasicKind? {
        switch value {
        case .bool: .bool
        case .int, .int64: .int
        case .uint8: .uint
        case .float64: .float
        case .string: .string
        default: nil
        }
    }

    private static func typeName(_ value: GoValue) -> String { value.goType?.name ?? "<nil>" }

    static func equal(_ first: GoValue, _ others: [GoValue]) throws -> Bool {
        guard !others.isEmpty else { throw GoFunctionError("missing argument for comparison") }
        let firstKind = basicKind(first)
        for other in others {
            let otherKind = basicKind(other)
            var truth = false
            if firstKind != otherKind {
                switch (firstKind, otherKind) {
                case (.int?, .uint?), (.uint?, .int?):
                    truth = first.integerValue == other.integerValue
                default:
                    if !first.isNilInterface && !other.isNilInterface {
                        throw GoFunctionError("incompatible types for comparison: \(typeName(first)) and \(typeName(other))")
                    }
                }
            } else if firstKind != nil {
                switch (first, other) {
                case (.bool(let a), .bool(let b)): truth = a == b
                case (.float64(let a), .float64(let b)): truth = a == b
                case (.string(let a), .string(let b)): truth = a.utf8.elementsEqual(b.utf8)
                default: truth = first.integerValue == other.integerValue
                }
            } else {
                let firstNil = first.isNil, otherNil = other.isNil
                if first.kind != other.kind && !first.isNilInterface && !other.isNilInterface {
                    throw GoFunctionError(GoFormatter.sprintf("non-comparable types %s: %v, %s: %v", [first, .string(typeName(first)), .string(typeName(other)), other]))
                }
                if firstNil || otherNil {
                    truth = firstNil == otherNil
                } else if case .object(let a) = first, case .object(let b) = other, let equal = a.isEqual(to: b) {
                    truth = equal
                } else {
                    throw GoFunctionError(GoFormatter.sprintf("non-comparable type %s: %v", [other, .string(typeName(other))]))
                }
            }
            if truth { return true }
        }
        return false
    }

    static func less(_ first: GoValue, _ second: GoValue) throws -> Bool {
        guard let firstKind = basicKind(first), let secondKind = basicKind(second) else {
            throw GoFunctionError("invalid type for comparison")
        }
        if firstKind != secondKind {
            switch (firstKind, secondKind) {
            case (.int, .uint), (.uint, .int):
                return first.integerValue! < second.integerValue!
            default:
                throw GoFunctionError("incompatible types for comparison: \(typeName(first)) and \(typeName(second))")
            }
        }
        switch (first, second) {
        case (.bool, .bool): throw GoFunctionError("invalid type for comparison")
        case (.float64(let a), .float64(let b)): return a < b
        case (.string(let a), .string(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
        default: return first.integerValue! < second.integerValue!
        }
    }

    static func lessOrEqual(_ first: GoValue, _ second: GoValue) throws -> Bool {
        if try less(first, second) { return true }
        return try equal(first, [second])
    }
}
