extension GoValue {
    /// Go's `reflect.DeepEqual`: same dynamic types, and equal contents recursively.
    func deepEquals(_ other: GoValue) -> Bool {
        switch (self, other) {
        case (.noValue, .noValue), (.null, .null), (.noValue, .null), (.null, .noValue): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.int64(let a), .int64(let b)): return a == b
        case (.uint8(let a), .uint8(let b)): return a == b
        case (.float64(let a), .float64(let b)): return a == b
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.list(let a), .list(let b)):
            return a.elementType == b.elementType && a.count == b.count && zip(a.elements, b.elements).allSatisfy { $0.deepEquals($1) }
        case (.map(let a), .map(let b)):
            if a === b { return true }
            guard a.typeName == b.typeName, a.count == b.count else { return false }
            let other = b.entries
            return a.entries.allSatisfy { key, value in other[key].map { value.deepEquals($0) } ?? false }
        case (.object(let a), .object(let b)):
            return a.goType == b.goType && (a.isEqual(to: b) ?? false)
        default:
            return false
        }
    }
}
