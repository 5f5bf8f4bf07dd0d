extension GoValue {
    /// The Go type of the value; nil for ``noValue`` (Go's invalid value has no type).
    public var goType: GoType? {
        switch self {
        case .noValue: nil
        case .null: .interface
        case .bool: .bool
        case .int: .int
        case .int64: .int64
        case .uint8: .uint8
        case .float64: .float64
        case .string: .string
        case .list(let list): list.goType
        case .map(let map): map.goType
        case .object(let object): object.goType
        }
    }

    /// The Go kind of the value (`invalid` for ``noValue`` and ``null``, as `reflect.ValueOf(nil)` reports).
    public var kind: GoKind {
        switch self {
        case .noValue, .null: .invalid
        case .bool: .bool
        case .int: .int
        case .int64: .int64
        case .uint8: .uint8
        case .float64: .float64
        case .string: .string
        case .list: .slice
        case .map: .map
        case .object(let object): object.goType.kind
        }
    }

    /// The value as a signed integer when it is one of Go's integer kinds.
    public var integerValue: Int64? {
        switch self {
        case .int(let value): Int64(value)
        case .int64(let value): value
        case .uint8(let value): Int64(value)
        default: nil
        }
    }

    /// The string when the value is a Go `string`.
    public var asString: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// Whether the value is nil: no value, a nil interface, or a nil object.
    public var isNil: Bool {
        switch self {
        case .noValue, .null: true
        case .object(let object): object.isNil
        default: false
        }
    }
}
