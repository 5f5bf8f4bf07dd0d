/// Go's `fmt` and `strconv` formatting for other modules (Helm) that must print values exactly as Go.
public enum GoFormat {
    /// `fmt.Sprint` of one value (`%v`).
    public static func string(_ value: GoValue) -> String {
        if case .string(let string) = value { return string }
        return GoFormatter.string(value)
    }

    /// `fmt.Sprintf`.
    public static func sprintf(_ format: String, _ arguments: [GoValue]) -> String {
        GoFormatter.sprintf(format, arguments)
    }

    /// `strconv.FormatFloat(value, format, -1, 64)`: the shortest representation in `e`, `f` or `g` form.
    public static func float(_ value: Double, format: Character) -> String {
        GoFloatFormat.format(value, format, precision: -1)
    }

    /// `strconv.Quote`.
    public static func quote(_ string: String) -> String {
        GoQuote.quote(string)
    }
}
