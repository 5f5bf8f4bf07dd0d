extension GoValue {
    /// Go's template truth: false for nil, false, zero numbers and empty strings, slices and maps;
    /// true for everything else (structs are always true).
    public var isTruthy: Bool {
        switch self {
        case .noValue, .null: false
        case .bool(let value): value
        case .int(let value): value != 0
        case .int64(let value): value != 0
        case .uint8(let value): value != 0
        case .float64(let value): value != 0
        case .string(let value): !value.isEmpty
        case .list(let list): !list.elements.isEmpty
        case .map(let map): map.count > 0
        case .object(let object): !object.isNil
        }
    }
}
