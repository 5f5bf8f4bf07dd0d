/// Sprig's random strings, bytes and UUIDs (from a cryptographic generator, as goutils' `CryptoRandom*`).
enum SprigRandom {
    private static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars)
    private static let digits = Array("0123456789".unicodeScalars)
    private static let ascii = (32...126).map { Unicode.Scalar(UInt8($0)) }

    static let functions: [GoFunction] = [
        GoFunction("randAlphaNum", [.int]) { a, context in try random(a.int(0), from: letters + digits, context: context) },
        GoFunction("randAlpha", [.int]) { a, context in try random(a.int(0), from: letters, context: context) },
        GoFunction("randAscii", [.int]) { a, context in try random(a.int(0), from: ascii, context: context) },
        GoFunction("randNumeric", [.int]) { a, context in try random(a.int(0), from: digits, context: context) },
        GoFunction("randBytes", [.int]) { a, context in
            let count = a.int(0)
            if count < 0 { throw GoFunctionError("runtime error: makeslice: len out of range") }
            try context.checkSize(count * 4 / 3)
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            return .string(Base64.encode(bytes))
        },
        GoFunction("uuidv4") { _, _ in
            var generator = SystemRandomNumberGenerator()
            var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes[6] = bytes[6] & 0x0F | 0x40
            bytes[8] = bytes[8] & 0x3F | 0x80
            let hex = bytes.map { GoQuote.hex(UInt32($0), width: 2) }
            return .string([hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-"))
        },
    ]

    private static func random(_ count: Int, from alphabet: [Unicode.Scalar], context: ExecutionContext) throws -> GoValue {
        if count < 0 { throw GoFunctionError("Requested random string length \(count) is less than 0.") }
        try context.checkSize(count)
        var generator = SystemRandomNumberGenerator()
        var result = String.UnicodeScalarView()
        for _ in 0..<count { result.append(alphabet.randomElement(using: &generator)!) }
        return .string(String(result))
    }
}
