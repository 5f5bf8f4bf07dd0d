/// A numeric constant, held in every representation its text allows, as Go's ideal constants are.
final class NumberNode: Node {
    let position: Int
    let text: String
    let isInt: Bool
    let int: Int64
    let isUint: Bool
    let uint: UInt64
    let isFloat: Bool
    let float: Double
    let isComplex: Bool

    private init(position: Int, text: String, isInt: Bool, int: Int64, isUint: Bool, uint: UInt64, isFloat: Bool, float: Double, isComplex: Bool) {
        self.position = position
        self.text = text
        self.isInt = isInt
        self.int = int
        self.isUint = isUint
        self.uint = uint
        self.isFloat = isFloat
        self.float = float
        self.isComplex = isComplex
    }

    struct Invalid: Error {
        let message: String
    }

    /// Parses a number or character constant with Go's `parse.newNumber` rules.
    static func parse(position: Int, text: String, kind: Token.Kind) throws(Invalid) -> NumberNode {
        if kind == .charConstant {
            let bytes = Array(text.utf8)
            guard bytes.count >= 2 else { throw Invalid(message: "invalid syntax") }
            let value: UInt32
            let next: Int
            do {
                (value, _, next) = try GoQuote.unquoteChar(bytes, from: 1, quote: bytes[0])
            } catch {
                throw Invalid(message: "invalid syntax")
            }
            if next != bytes.count - 1 || bytes[next] != UInt8(ascii: "'") {
                throw Invalid(message: "malformed character constant: \(text)")
            }
            return NumberNode(position: position, text: text, isInt: true, int: Int64(value), isUint: true, uint: UInt64(value), isFloat: true, float: Double(value), isComplex: false)
        }
        if kind == .complex {
            throw Invalid(message: "complex constants are not supported: \(text)")
        }
        if text.hasSuffix("i"), (try? GoStrconv.parseFloat(String(text.dropLast()))) != nil {
            throw Invalid(message: "complex constants are not supported: \(text)")
        }
        var isInt = false, isUint = false, isFloat = false
        var intValue: Int64 = 0, uintValue: UInt64 = 0, floatValue = 0.0
        if let value = try? GoStrconv.parseUint(text, base: 0, bitSize: 64) {
            isUint = true
            uintValue = value
        }
        if let value = try? GoStrconv.parseInt(text, base: 0, bitSize: 64) {
            isInt = true
            intValue = value
            if value == 0 {
                isUint = true
                uintValue = 0
            }
        }
        if isInt {
            isFloat = true
            floatValue = Double(intValue)
        } else if isUint {
            isFloat = true
            floatValue = Double(uintValue)
        } else if let value = try? GoStrconv.parseFloat(text) {
            if !text.contains(where: { ".eEpP".contains($0) }) {
                throw Invalid(message: "integer overflow: \(GoQuote.quote(text))")
            }
            isFloat = true
            floatValue = value
            if let exact = Int64(exactly: value) {
                isInt = true
                intValue = exact
            }
            if let exact = UInt64(exactly: value) {
                isUint = true
                uintValue = exact
            }
        }
        if !isInt && !isUint && !isFloat {
            throw Invalid(message: "illegal number syntax: \(GoQuote.quote(text))")
        }
        return NumberNode(position: position, text: text, isInt: isInt, int: intValue, isUint: isUint, uint: uintValue, isFloat: isFloat, float: floatValue, isComplex: false)
    }

    func write(into output: inout String) { output += text }
}
