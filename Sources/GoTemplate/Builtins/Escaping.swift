/// The escapers behind the `html`, `js` and `urlquery` builtins, byte-compatible with Go's.
enum Escaping {
    /// Go's `template.HTMLEscapeString`.
    static func html(_ string: String) -> String {
        var output = ""
        output.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\0": output += "\u{FFFD}"
            case "\"": output += "&#34;"
            case "'": output += "&#39;"
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Go's `template.JSEscapeString`.
    static func javaScript(_ string: String) -> String {
        var output = ""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "'": output += "\\'"
            case "\"": output += "\\\""
            case "<": output += "\\u003C"
            case ">": output += "\\u003E"
            case "&": output += "\\u0026"
            case "=": output += "\\u003D"
            default:
                if scalar.value < 0x20 {
                    output += "\\u00" + GoQuote.hex(scalar.value, width: 2, uppercase: true)
                } else if scalar.value < 0x80 || GoQuote.isPrint(scalar) {
                    output.unicodeScalars.append(scalar)
                } else {
                    output += "\\u" + GoQuote.hex(scalar.value, width: 4, uppercase: true)
                }
            }
        }
        return output
    }

    /// Go's `url.QueryEscape`: unreserved bytes kept, space as `+`, the rest `%XX`.
    static func queryEscape(_ string: String) -> String {
        escape(string, spaceAsPlus: true) { byte in
            isUnreserved(byte)
        }
    }

    /// Go's `url.PathEscape`.
    static func pathEscape(_ string: String) -> String {
        escape(string, spaceAsPlus: false) { byte in
            isUnreserved(byte) || "$&+,:;=@".utf8.contains(byte)
        }
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    static func escape(_ string: String, spaceAsPlus: Bool, keep: (UInt8) -> Bool) -> String {
        var output = ""
        for byte in string.utf8 {
            if keep(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: " ") && spaceAsPlus {
                output += "+"
            } else {
                output += "%" + GoQuote.hex(UInt32(byte), width: 2, uppercase: true)
            }
        }
        return output
    }
}
