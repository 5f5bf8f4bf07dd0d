extension GoValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float64(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: GoValue...) { self = .list(GoList(elements)) }
    public init(dictionaryLiteral elements: (String, GoValue)...) {
        self = .map(GoMap(Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }
    public init(nilLiteral: ()) { self = .null }
}
