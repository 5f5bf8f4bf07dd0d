import GoTemplate

/// Decodes TOML into template values as BurntSushi/toml does for Helm's `fromToml`: tables become
/// `map[string]interface {}`, arrays of tables `[]map[string]interface {}`, other arrays
/// `[]interface {}`, integers `int64`, floats `float64`, date-times `time.Time` (local ones in the zones
/// `datetime-local`, `date-local` and `time-local`). Errors read `toml: line N: ...`.
struct TOMLDecoder {
    /// A document that is not valid TOML.
    struct Failure: Error, CustomStringConvertible {
        let line: Int
        let lastKey: String?
        let message: String

        var description: String {
            "toml: line \(line)" + (lastKey.map { " (last key \(GoFormat.quote($0)))" } ?? "") + ": " + message
        }
    }

    /// A table while the document is read: tables stay open to later headers and dotted keys.
    private final class Table {
        enum Origin {
            /// Created as the parent of a header or dotted key; a header may still define it.
            case implicit
            /// Defined by a `[header]` or as an element of `[[header]]`.
            case header
            /// Created by a dotted key (`a.b = 1`).
            case dotted
            /// Written inline (`{ ... }`).
            case inline
        }

        enum Entry {
            case value(GoValue)
            case table(Table)
            case tables([Table])
        }

        var entries: [String: Entry] = [:]
        var origin: Origin

        init(_ origin: Origin) {
            self.origin = origin
        }

        var goValue: GoValue {
            var map: [String: GoValue] = [:]
            for (key, entry) in entries {
                switch entry {
                case .value(let value): map[key] = value
                case .table(let table): map[key] = table.goValue
                case .tables(let tables): map[key] = .list(GoList(tables.map(\.goValue), elementType: GoType.genericMap))
                }
            }
            return .map(GoMap(map))
        }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var lastKey: String?

    private init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The document's top-level table.
    static func decode(_ text: String) throws(Failure) -> GoMap {
        var decoder = TOMLDecoder(text)
        let root = try decoder.document()
        guard case .map(let map) = root.goValue else { return GoMap() }
        return map
    }

    // MARK: - Document structure

    private mutating func document() throws(Failure) -> Table {
        let root = Table(.header)
        var current = root
        while true {
            skipBlank()
            guard let byte = peek else { return root }
            switch byte {
            case UInt8(ascii: "\n"):
                index += 1
                continue
            case UInt8(ascii: "#"):
                try skipComment()
                continue
            case UInt8(ascii: "["):
                current = try header(root)
            default:
                try keyValue(into: current)
            }
            skipBlank()
            if peek == UInt8(ascii: "#") { try skipComment() }
            guard let next = peek else { continue }
            if next == UInt8(ascii: "\n") {
                index += 1
            } else if next == UInt8(ascii: "\r") && peek(at: 1) == UInt8(ascii: "\n") {
                index += 2
            } else {
                throw failure("expected a top-level item to end with a newline, comment, or EOF, but got '\(character(next))' instead", withKey: false)
            }
        }
    }

    /// `[a.b]` or `[[a.b]]`: the table that following key/values go into.
    private mutating func header(_ root: Table) throws(Failure) -> Table {
        index += 1
        let isArray = peek == UInt8(ascii: "[")
        if isArray { index += 1 }
        skipBlank()
        let path = try key()
        skipBlank()
        guard peek == UInt8(ascii: "]") else { throw failure("expected ']' to close the table name", withKey: false) }
        index += 1
        if isArray {
            guard peek == UInt8(ascii: "]") else { throw failure("expected ']]' to close the array of tables name", withKey: false) }
            index += 1
        }
        var parent = root
        for part in path.dropLast() { parent = try descend(parent, part) }
        let name = path.last!
        lastKey = path.joined(separator: ".")
        if isArray {
            let table = Table(.header)
            switch parent.entries[name] {
            case nil: parent.entries[name] = .tables([table])
            case .tables(let tables): parent.entries[name] = .tables(tables + [table])
            default: throw redefined(name)
            }
            return table
        }
        switch parent.entries[name] {
        case nil:
            let table = Table(.header)
            parent.entries[name] = .table(table)
            return table
        case .table(let table) where table.origin == .implicit || table.origin == .dotted:
            table.origin = .header
            return table
        default:
            throw redefined(name)
        }
    }

    /// The table under `name` in `parent` for a header path, created when missing; for an array of
    /// tables, its last table.
    private func descend(_ parent: Table, _ name: String) throws(Failure) -> Table {
        switch parent.entries[name] {
        case nil:
            let table = Table(.implicit)
            parent.entries[name] = .table(table)
            return table
        case .table(let table):
            return table
        case .tables(let tables):
            return tables[tables.count - 1]
        case .value:
            throw redefined(name)
        }
    }

    /// `key = value`, dotted keys creating tables on the way.
    private mutating func keyValue(into table: Table) throws(Failure) {
        let path = try key()
        lastKey = path.joined(separator: ".")
        skipBlank()
        guard peek == UInt8(ascii: "=") else {
            throw failure("expected '=' after the key, but got \(peek.map { "'\(character($0))'" } ?? "EOF")", withKey: true)
        }
        index += 1
        skipBlank()
        var target = table
        for part in path.dropLast() {
            switch target.entries[part] {
            case nil:
                let next = Table(.dotted)
                target.entries[part] = .table(next)
                target = next
            case .table(let next):
                target = next
            default:
                throw redefined(part, inKeyValue: true)
            }
        }
        let name = path.last!
        guard target.entries[name] == nil else { throw redefined(name, inKeyValue: true) }
        target.entries[name] = try entry()
    }

    /// A value; inline tables stay tables so that later dotted keys can extend them, as BurntSushi allows.
    private mutating func entry() throws(Failure) -> Table.Entry {
        if peek == UInt8(ascii: "{") { return .table(try inlineTable()) }
        return .value(try value())
    }

    // MARK: - Keys

    /// A dotted key: bare or quoted parts separated by dots.
    private mutating func key() throws(Failure) -> [String] {
        var parts: [String] = []
        while true {
            skipBlank()
            guard let byte = peek else { throw failure("unexpected EOF; expected key", withKey: false) }
            if byte == UInt8(ascii: "\"") {
                parts.append(try basicString())
            } else if byte == UInt8(ascii: "'") {
                parts.append(try literalString())
            } else {
                let start = index
                while let next = peek, Self.isBareKey(next) { index += 1 }
                guard index > start else {
                    if byte == UInt8(ascii: "=") { throw failure("unexpected '=': key name appears blank", withKey: false) }
                    throw failure("invalid bare key character: '\(character(byte))'", withKey: false)
                }
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipBlank()
            guard peek == UInt8(ascii: ".") else { return parts }
            index += 1
        }
    }

    private static func isBareKey(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F || byte == 0x2D
    }

    // MARK: - Values

    private mutating func value() throws(Failure) -> GoValue {
        guard let byte = peek else { throw failure("unexpected EOF; expected value", withKey: true) }
        switch byte {
        case UInt8(ascii: "\""):
            if starts(with: "\"\"\"") { return .string(try multilineBasicString()) }
            return .string(try basicString())
        case UInt8(ascii: "'"):
            if starts(with: "'''") { return .string(try multilineLiteralString()) }
            return .string(try literalString())
        case UInt8(ascii: "["):
            return try array()
        case UInt8(ascii: "{"):
            return try inlineTable().goValue
        case UInt8(ascii: "t") where starts(with: "true"):
            index += 4
            return .bool(true)
        case UInt8(ascii: "f") where starts(with: "false"):
            index += 5
            return .bool(false)
        default:
            return try scalar()
        }
    }

    private mutating func array() throws(Failure) -> GoValue {
        index += 1
        var elements: [GoValue] = []
        while true {
            try skipWhitespaceNewlinesAndComments()
            guard let byte = peek else { throw failure("unexpected EOF; expected ']' to close the array", withKey: true) }
            if byte == UInt8(ascii: "]") {
                index += 1
                return .list(GoList(elements))
            }
            elements.append(try value())
            try skipWhitespaceNewlinesAndComments()
            if peek == UInt8(ascii: ",") {
                index += 1
            } else if peek != UInt8(ascii: "]") {
                throw failure("expected a comma (',') or array terminator (']'), but got \(peek.map { "'\(character($0))'" } ?? "EOF")", withKey: true)
            }
        }
    }

    private mutating func inlineTable() throws(Failure) -> Table {
        index += 1
        let table = Table(.inline)
        skipBlank()
        if peek == UInt8(ascii: "}") {
            index += 1
            return table
        }
        while true {
            skipBlank()
            try keyValue(into: table)
            skipBlank()
            guard let byte = peek else { throw failure("unexpected EOF; expected '}' to close the inline table", withKey: true) }
            index += 1
            if byte == UInt8(ascii: "}") { return table }
            guard byte == UInt8(ascii: ",") else {
                throw failure("expected a comma or an inline table terminator '}', but got '\(character(byte))' instead", withKey: true)
            }
        }
    }

    /// Numbers, infinities, NaN and date-times: a token up to the next delimiter.
    private mutating func scalar() throws(Failure) -> GoValue {
        let start = index
        while let byte = peek, !Self.isDelimiter(byte) { index += 1 }
        // "1979-05-27 07:32:00": a date, a space and a time are one value.
        if index - start == 10, peek == UInt8(ascii: " "), let h1 = peek(at: 1), let h2 = peek(at: 2), peek(at: 3) == UInt8(ascii: ":"),
            (0x30...0x39).contains(h1), (0x30...0x39).contains(h2)
        {
            index += 1
            while let byte = peek, !Self.isDelimiter(byte) { index += 1 }
        }
        let token = String(decoding: bytes[start..<index], as: UTF8.self)
        guard !token.isEmpty else { throw failure("expected value but found \(peek.map { "'\(character($0))'" } ?? "EOF") instead", withKey: true) }
        if let time = TOMLDateTime.parse(token) { return .object(time) }
        if token.count >= 5, token.dropFirst(4).first == "-" || token.dropFirst(2).first == ":" {
            throw failure("invalid datetime: \(GoFormat.quote(token))", withKey: true)
        }
        return try number(token)
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "#")
    }

    private func number(_ token: String) throws(Failure) -> GoValue {
        var body = Substring(token)
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        if body == "inf" { return .float64(negative ? -.infinity : .infinity) }
        if body == "nan" { return .float64(.nan) }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where body.hasPrefix(prefix) {
            guard token.first != "+" && token.first != "-" else { throw failure("invalid integer \(GoFormat.quote(token))", withKey: true) }
            let digits = try withoutUnderscores(body.dropFirst(2), token)
            guard let value = Int64(digits, radix: radix) else { throw failure("invalid integer \(GoFormat.quote(token))", withKey: true) }
            return .int64(value)
        }
        let digits = try withoutUnderscores(body, token)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || ".eE+-".contains($0)) }) else {
            throw failure("expected value but found \(GoFormat.quote(token)) instead", withKey: true)
        }
        if digits.allSatisfy(\.isNumber) {
            if digits.count > 1 && digits.hasPrefix("0") {
                throw failure("Invalid integer \(GoFormat.quote(token)): cannot have leading zeroes", withKey: true)
            }
            guard let value = Int64((negative ? "-" : "") + digits) else {
                throw failure("\(token) is out of range for int64", withKey: true)
            }
            return .int64(value)
        }
        let integerPart = digits.prefix { $0.isNumber }
        guard !integerPart.isEmpty, integerPart.count == 1 || !integerPart.hasPrefix("0"), let value = Double((negative ? "-" : "") + digits),
            digits.firstIndex(of: ".").map({ dot in digits[digits.index(after: dot)...].first?.isNumber == true }) ?? true
        else {
            throw failure("invalid float: \(GoFormat.quote(token))", withKey: true)
        }
        return .float64(value)
    }

    /// The digits without `_`, which TOML allows only between two digits.
    private func withoutUnderscores(_ digits: Substring, _ token: String) throws(Failure) -> String {
        let characters = Array(digits)
        for (position, character) in characters.enumerated() where character == "_" {
            guard position > 0, position < characters.count - 1, characters[position - 1].isHexDigit, characters[position + 1].isHexDigit else {
                throw failure("invalid use of '_' in number: \(GoFormat.quote(token))", withKey: true)
            }
        }
        return String(characters.filter { $0 != "_" })
    }

    // MARK: - Strings

    private mutating func basicString() throws(Failure) -> String {
        index += 1
        var output: [UInt8] = []
        while true {
            guard let byte = peek else { throw failure("unexpected EOF; expected '\"'", withKey: true) }
            if byte == UInt8(ascii: "\n") { throw failure("strings cannot contain newlines", withKey: true) }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &output)
            default:
                if byte < 0x20 && byte != 0x09 || byte == 0x7F { throw failure("control characters are not allowed in strings: 0x\(String(byte, radix: 16))", withKey: true) }
                output.append(byte)
            }
        }
    }

    private mutating func multilineBasicString() throws(Failure) -> String {
        index += 3
        skipNewline()
        var output: [UInt8] = []
        while true {
            guard let byte = peek else { throw failure("unexpected EOF; expected '\"\"\"'", withKey: true) }
            if starts(with: "\"\"\"") {
                index += 3
                // Up to two quotes may end the content right before the closing delimiter.
                var extra = 0
                while peek == UInt8(ascii: "\""), extra < 2 {
                    output.append(UInt8(ascii: "\""))
                    index += 1
                    extra += 1
                }
                return String(decoding: output, as: UTF8.self)
            }
            index += 1
            if byte == UInt8(ascii: "\\") {
                // A backslash ending a line trims the line break and the whitespace after it.
                var lookahead = index
                while lookahead < bytes.count, bytes[lookahead] == 0x20 || bytes[lookahead] == 0x09 { lookahead += 1 }
                if lookahead < bytes.count, bytes[lookahead] == 0x0A || bytes[lookahead] == 0x0D {
                    index = lookahead
                    while let next = peek, next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D { index += 1 }
                    continue
                }
                try escape(into: &output)
            } else {
                output.append(byte)
            }
        }
    }

    private mutating func literalString() throws(Failure) -> String {
        index += 1
        let start = index
        while let byte = peek, byte != UInt8(ascii: "'") {
            if byte == 0x0A { throw failure("strings cannot contain newlines", withKey: true) }
            index += 1
        }
        guard peek != nil else { throw failure("unexpected EOF; expected \"'\"", withKey: true) }
        index += 1
        return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
    }

    private mutating func multilineLiteralString() throws(Failure) -> String {
        index += 3
        skipNewline()
        let start = index
        while index < bytes.count, !starts(with: "'''") { index += 1 }
        guard index < bytes.count else { throw failure("unexpected EOF; expected \"'''\"", withKey: true) }
        var end = index
        index += 3
        var extra = 0
        while peek == UInt8(ascii: "'"), extra < 2 {
            index += 1
            end += 1
            extra += 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func escape(into output: inout [UInt8]) throws(Failure) {
        guard let byte = peek else { throw failure("unexpected EOF in escape sequence", withKey: true) }
        index += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "f"): 0x0C,
            UInt8(ascii: "r"): 0x0D, UInt8(ascii: "e"): 0x1B, UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C,
        ]
        if let replacement = simple[byte] {
            output.append(replacement)
            return
        }
        let width = byte == UInt8(ascii: "u") ? 4 : byte == UInt8(ascii: "U") ? 8 : 0
        guard width > 0 else { throw failure("invalid escape character '\(character(byte))'; only letters b, t, n, f, r, e, \", \\, u and U are allowed", withKey: true) }
        guard index + width <= bytes.count, let code = UInt32(String(decoding: bytes[index..<(index + width)], as: UTF8.self), radix: 16),
            let scalar = Unicode.Scalar(code)
        else {
            throw failure("invalid escape: \\\(character(byte))\(String(decoding: bytes[index..<min(index + width, bytes.count)], as: UTF8.self))", withKey: true)
        }
        index += width
        output.append(contentsOf: Array(String(scalar).utf8))
    }

    // MARK: - Reading

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func peek(at offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    private func starts(with literal: String) -> Bool {
        let literal = Array(literal.utf8)
        return index + literal.count <= bytes.count && Array(bytes[index..<(index + literal.count)]) == literal
    }

    private func character(_ byte: UInt8) -> String { String(UnicodeScalar(byte)) }

    private mutating func skipBlank() {
        while let byte = peek, byte == 0x20 || byte == 0x09 { index += 1 }
    }

    private mutating func skipNewline() {
        if peek == 0x0A {
            index += 1
        } else if peek == 0x0D && peek(at: 1) == 0x0A {
            index += 2
        }
    }

    private mutating func skipComment() throws(Failure) {
        while let byte = peek, byte != 0x0A {
            if byte < 0x20 && byte != 0x09 && byte != 0x0D { throw failure("control characters are not allowed in comments: 0x\(String(byte, radix: 16))", withKey: false) }
            index += 1
        }
    }

    private mutating func skipWhitespaceNewlinesAndComments() throws(Failure) {
        while let byte = peek {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            } else if byte == UInt8(ascii: "#") {
                try skipComment()
            } else {
                return
            }
        }
    }

    /// BurntSushi names the last key for a key/value, not for a table header.
    private func redefined(_ key: String, inKeyValue: Bool = false) -> Failure {
        failure("Key '\(key)' has already been defined.", withKey: inKeyValue)
    }

    private func failure(_ message: String, withKey: Bool) -> Failure {
        let line = bytes[..<min(index, bytes.count)].count(where: { $0 == 0x0A }) + 1
        return Failure(line: line, lastKey: withKey ? lastKey : nil, message: message)
    }
}
