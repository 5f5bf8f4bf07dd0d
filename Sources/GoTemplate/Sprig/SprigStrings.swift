/// Sprig's string functions (`strings.go` and the string entries of `functions.go`).
enum SprigStrings {
    static let functions: [GoFunction] = [
        GoFunction("trim", [.string]) { a, _ in .string(trimSpace(a.string(0))) },
        GoFunction("upper", [.string]) { a, _ in .string(GoUnicode.map(a.string(0), GoUnicode.toUpper)) },
        GoFunction("lower", [.string]) { a, _ in .string(GoUnicode.map(a.string(0), GoUnicode.toLower)) },
        GoFunction("title", [.string]) { a, _ in .string(StringCase.title(a.string(0))) },
        GoFunction("untitle", [.string]) { a, _ in .string(StringCase.uncapitalize(a.string(0))) },
        GoFunction("substr", [.int, .int, .string]) { a, _ in .string(try substring(a.int(0), a.int(1), a.string(2))) },
        GoFunction("repeat", [.int, .string]) { a, context in
            let count = a.int(0)
            if count < 0 { throw GoFunctionError("strings: negative Repeat count") }
            try context.checkSize(count.multipliedReportingOverflow(by: a.string(1).utf8.count).partialValue)
            return .string(String(repeating: a.string(1), count: count))
        },
        GoFunction("trimall", [.string, .string]) { a, _ in .string(trim(a.string(1), cutset: a.string(0))) },
        GoFunction("trimAll", [.string, .string]) { a, _ in .string(trim(a.string(1), cutset: a.string(0))) },
        GoFunction("trimSuffix", [.string, .string]) { a, _ in
            let suffix = a.string(0), string = a.string(1)
            return .string(string.utf8.count >= suffix.utf8.count && string.utf8.reversed().starts(with: suffix.utf8.reversed()) ? bytes(string, 0, string.utf8.count - suffix.utf8.count) : string)
        },
        GoFunction("trimPrefix", [.string, .string]) { a, _ in
            let prefix = a.string(0), string = a.string(1)
            return .string(string.utf8.starts(with: prefix.utf8) ? bytes(string, prefix.utf8.count, string.utf8.count) : string)
        },
        GoFunction("nospace", [.string]) { a, _ in .string(String(String.UnicodeScalarView(a.string(0).unicodeScalars.filter { !GoUnicode.isSpace($0) }))) },
        GoFunction("initials", [.string]) { a, _ in .string(StringCase.initials(a.string(0))) },
        GoFunction("swapcase", [.string]) { a, _ in .string(StringCase.swapCase(a.string(0))) },
        GoFunction("snakecase", [.string]) { a, _ in .string(StringCase.lowerCaseWords(a.string(0), connector: "_")) },
        GoFunction("kebabcase", [.string]) { a, _ in .string(StringCase.lowerCaseWords(a.string(0), connector: "-")) },
        GoFunction("camelcase", [.string]) { a, _ in .string(StringCase.camelCase(a.string(0))) },
        GoFunction("shuffle", [.string]) { a, _ in .string(String(String.UnicodeScalarView(a.string(0).unicodeScalars.shuffled()))) },
        GoFunction("wrap", [.int, .string]) { a, _ in .string(StringCase.wrap(a.string(1), width: a.int(0), newline: "", wrapLongWords: false)) },
        GoFunction("wrapWith", [.int, .string, .string]) { a, _ in .string(StringCase.wrap(a.string(2), width: a.int(0), newline: a.string(1), wrapLongWords: true)) },
        GoFunction("abbrev", [.int, .string]) { a, _ in
            a.int(0) < 4 ? a[1] : .string(StringCase.abbreviate(a.string(1), offset: 0, width: a.int(0)))
        },
        GoFunction("abbrevboth", [.int, .int, .string]) { a, _ in
            let left = a.int(0), right = a.int(1)
            if right < 4 || left > 0 && right < 7 { return a[2] }
            return .string(StringCase.abbreviate(a.string(2), offset: left, width: right))
        },
        GoFunction("contains", [.string, .string]) { a, _ in .bool(contains(a.string(1), a.string(0))) },
        GoFunction("hasPrefix", [.string, .string]) { a, _ in .bool(a.string(1).utf8.starts(with: a.string(0).utf8)) },
        GoFunction("hasSuffix", [.string, .string]) { a, _ in .bool(a.string(1).utf8.reversed().starts(with: a.string(0).utf8.reversed())) },
        GoFunction("quote", variadic: .any) { a, _ in
            .string(a.filter { !$0.isNilInterface }.map { GoQuote.quote(GoCast.string($0)) }.joined(separator: " "))
        },
        GoFunction("squote", variadic: .any) { a, _ in
            .string(a.filter { !$0.isNilInterface }.map { "'" + GoFormatter.string($0) + "'" }.joined(separator: " "))
        },
        GoFunction("cat", variadic: .any) { a, _ in
            .string(a.filter { !$0.isNilInterface }.map(GoFormatter.string).joined(separator: " "))
        },
        GoFunction("indent", [.int, .string]) { a, context in .string(try indent(a.int(0), a.string(1), newlineFirst: false, context: context)) },
        GoFunction("nindent", [.int, .string]) { a, context in .string(try indent(a.int(0), a.string(1), newlineFirst: true, context: context)) },
        GoFunction("replace", [.string, .string, .string]) { a, context in
            let result = replacing(a.string(2), a.string(0), with: a.string(1))
            try context.checkSize(result.utf8.count)
            return .string(result)
        },
        GoFunction("plural", [.string, .string, .int]) { a, _ in a.int(2) == 1 ? a[0] : a[1] },
        GoFunction("toString", [.any]) { a, _ in .string(GoCast.string(a[0])) },
        GoFunction("trunc", [.int, .string]) { a, _ in
            let count = a.int(0), string = a.string(1), length = string.utf8.count
            if count < 0 && length + count > 0 { return .string(bytes(string, length + count, length)) }
            if count >= 0 && length > count { return .string(bytes(string, 0, count)) }
            return .string(string)
        },
        GoFunction("join", [.string, .any]) { a, _ in .string(GoCast.strings(a[1]).joined(separator: a.string(0))) },
        GoFunction("split", [.string, .string]) { a, _ in .map(indexedParts(split(a.string(1), separator: a.string(0), limit: -1))) },
        GoFunction("splitn", [.string, .int, .string]) { a, _ in .map(indexedParts(split(a.string(2), separator: a.string(0), limit: a.int(1)))) },
        GoFunction("splitList", [.string, .string]) { a, _ in .list(.strings(split(a.string(1), separator: a.string(0), limit: -1))) },
        GoFunction("toStrings", [.any]) { a, _ in .list(.strings(GoCast.strings(a[0]))) },
        GoFunction("sortAlpha", [.any]) { a, _ in
            guard case .list = a[0] else { return .list(.strings([GoCast.string(a[0])])) }
            return .list(.strings(GoCast.strings(a[0]).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }))
        },
        GoFunction("hello") { _, _ in "Hello!" },
    ]

    /// Go's `strings.TrimSpace`.
    static func trimSpace(_ string: String) -> String {
        let scalars = string.unicodeScalars
        guard let start = scalars.firstIndex(where: { !GoUnicode.isSpace($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !GoUnicode.isSpace($0) })!
        return String(scalars[start...end])
    }

    /// Go's `strings.Trim`: removes leading and trailing runes found in `cutset`.
    static func trim(_ string: String, cutset: String) -> String {
        let cut = Set(cutset.unicodeScalars)
        let scalars = string.unicodeScalars
        guard let start = scalars.firstIndex(where: { !cut.contains($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !cut.contains($0) })!
        return String(scalars[start...end])
    }

    /// The bytes `start..<end` of a string, as Go's `s[start:end]` (invalid UTF-8 at the cut is replaced).
    static func bytes(_ string: String, _ start: Int, _ end: Int) -> String {
        let utf8 = string.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: start), to = utf8.index(utf8.startIndex, offsetBy: end)
        return String(Substring(utf8[from..<to]))
    }

    /// Sprig's `substring`, with Go's panics for bad bounds.
    private static func substring(_ start: Int, _ end: Int, _ string: String) throws -> String {
        let length = string.utf8.count
        if start < 0 {
            if end < 0 || end > length { throw GoFunctionError("runtime error: slice bounds out of range [:\(end)] with length \(length)") }
            return bytes(string, 0, end)
        }
        if end < 0 || end > length {
            if start > length { throw GoFunctionError("runtime error: slice bounds out of range [\(start):\(length)]") }
            return bytes(string, start, length)
        }
        if start > end { throw GoFunctionError("runtime error: slice bounds out of range [\(start):\(end)]") }
        return bytes(string, start, end)
    }

    /// Sprig's `indent` (`nindent` with `newlineFirst`), built in one buffer: charts indent most of what
    /// they include.
    private static func indent(_ spaces: Int, _ string: String, newlineFirst: Bool, context: ExecutionContext) throws -> String {
        if spaces < 0 { throw GoFunctionError("strings: negative Repeat count") }
        var string = string
        return try string.withUTF8 { text throws -> String in
            let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
            var lines = 1
            for byte in text where byte == newline { lines += 1 }
            let padding = lines.multipliedReportingOverflow(by: spaces)
            let size = padding.overflow ? Int.max : (newlineFirst ? 1 : 0) + text.count + padding.partialValue
            try context.checkSize(size)
            return String(unsafeUninitializedCapacity: size) { buffer in
                var index = 0
                func copy(_ range: Range<Int>) {
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[index...]).initialize(from: text[range])
                    index += range.count
                }
                func pad() {
                    buffer[index..<(index + spaces)].initialize(repeating: space)
                    index += spaces
                }
                if newlineFirst {
                    buffer[index] = newline
                    index += 1
                }
                // Whole lines copied at once, the padding after each newline.
                pad()
                var lineStart = 0
                while let lineEnd = text[lineStart...].firstIndex(of: newline) {
                    copy(lineStart..<(lineEnd + 1))
                    pad()
                    lineStart = lineEnd + 1
                }
                copy(lineStart..<text.count)
                return index
            }
        }
    }

    /// Go's `strings.Contains`.
    static func contains(_ string: String, _ substring: String) -> Bool {
        GoStrings.contains(substring, in: string)
    }

    /// Go's `strings.Replace(s, old, new, -1)`, byte-wise; an empty `old` matches between every rune.
    static func replacing(_ string: String, _ old: String, with new: String) -> String {
        if old.isEmpty {
            var result = new
            for scalar in string.unicodeScalars {
                result.unicodeScalars.append(scalar)
                result += new
            }
            return result
        }
        return GoStrings.replacingAll(old, with: new, in: string)
    }

    /// Go's `strings.SplitN` (`limit` < 0: all parts); an empty separator splits into runes.
    static func split(_ string: String, separator: String, limit: Int) -> [String] {
        if limit == 0 { return [] }
        if separator.isEmpty {
            var parts = string.unicodeScalars.map { String($0) }
            if limit > 0 && parts.count > limit {
                let rest = parts[(limit - 1)...].joined()
                parts = Array(parts[..<(limit - 1)]) + [rest]
            }
            return parts
        }
        return GoStrings.split(string, separator: separator, limit: limit)
    }

    /// Sprig's `split` result: a `map[string]string` keyed `_0`, `_1`, ...
    private static func indexedParts(_ parts: [String]) -> GoMap {
        var entries: [String: GoValue] = [:]
        for (index, part) in parts.enumerated() { entries["_\(index)"] = .string(part) }
        return GoMap(entries, elementType: .string)
    }
}
