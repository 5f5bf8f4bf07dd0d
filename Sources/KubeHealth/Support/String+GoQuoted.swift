extension String {
    /// The string in double quotes with quotes and backslashes escaped, as Go's `%q` prints the
    /// object names upstream puts in messages.
    var goQuoted: String {
        var result = "\""
        for character in self {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
