/// The lenient conversions Sprig applies to its `interface{}` arguments: spf13/cast's `ToInt64`,
/// `ToInt` and `ToFloat64` (failures become zero), Sprig's `strval`, `strslice` and `empty`.
enum GoCast {
    /// `cast.ToInt64`: integers as is, floats truncated, strings parsed with base prefixes (after
    /// trimming a `.000` suffix), booleans 1/0, anything else 0.
    static func toInt64(_ value: GoValue) -> Int64 {
        switch value {
        case .int, .int64, .uint8: return value.integerValue!
        case .float64(let double): return truncate(double)
        case .bool(let bool): return bool ? 1 : 0
        case .string(let string):
            return (try? GoStrconv.parseInt(trimZeroDecimal(string), base: 0, bitSize: 0)) ?? 0
        default: return 0
        }
    }

    /// `cast.ToInt` (Go's `int` is 64 bits here).
    static func toInt(_ value: GoValue) -> Int { Int(toInt64(value)) }

    /// `cast.ToFloat64`.
    static func toFloat64(_ value: GoValue) -> Double {
        switch value {
        case .int, .int64, .uint8: return Double(value.integerValue!)
        case .float64(let double): return double
        case .bool(let bool): return bool ? 1 : 0
        case .string(let string): return (try? GoStrconv.parseFloat(string)) ?? 0
        default: return 0
        }
    }

    /// Go's `int64(f)` on amd64: truncation toward zero, and the minimum value when out of range.
    static func truncate(_ double: Double) -> Int64 {
        Int64(exactly: double.rounded(.towardZero)) ?? .min
    }

    /// cast's `trimZeroDecimal`: `12.000` becomes `12`, anything else is left alone.
    private static func trimZeroDecimal(_ string: String) -> String {
        var foundZero = false
        let bytes = Array(string.utf8)
        var index = bytes.count
        while index > 0 {
            switch bytes[index - 1] {
            case UInt8(ascii: "."):
                if foundZero { return String(decoding: bytes[..<(index - 1)], as: UTF8.self) }
                return string
            case UInt8(ascii: "0"):
                foundZero = true
            default:
                return string
            }
            index -= 1
        }
        return string
    }

    /// Sprig's `strval`: strings as is, `fmt.Stringer`s through `String()`, the rest as `%v` prints them.
    static func string(_ value: GoValue) -> String {
        if case .string(let string) = value { return string }
        return GoFormatter.string(value)
    }

    /// Sprig's `strslice`: the non-nil elements of a slice as strings, a single value as a one-element
    /// slice, nil as an empty slice.
    static func strings(_ value: GoValue) -> [String] {
        switch value {
        case .list(let list):
            return list.elements.compactMap { $0.isNilInterface ? nil : string($0) }
        case .noValue, .null:
            return []
        default:
            return [string(value)]
        }
    }

    /// Sprig's `empty`: nil, false, zero numbers, and empty strings, slices and maps; structs never.
    static func isEmpty(_ value: GoValue) -> Bool {
        switch value {
        case .noValue, .null: true
        case .bool(let bool): !bool
        case .int, .int64, .uint8: value.integerValue == 0
        case .float64(let double): double == 0
        case .string(let string): string.isEmpty
        case .list(let list): list.elements.isEmpty
        case .map(let map): map.count == 0
        case .object(let object): object.goType.kind == .struct ? false : object.isNil
        }
    }

    /// The name of a value's kind as Go's `reflect.Kind.String()` prints it, with Go's name for no value.
    static func kindName(_ value: GoValue) -> String {
        value.kind.rawValue
    }
}
