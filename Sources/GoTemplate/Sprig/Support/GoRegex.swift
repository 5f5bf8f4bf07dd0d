import Foundation
import Synchronization

/// A Go (RE2) regular expression run on ICU's engine: the pattern is translated where the two differ
/// (`(?P<name>` groups, `$` meaning end of text outside multi-line mode), matching walks the text the
/// way Go's `FindAll`/`ReplaceAll` do (an empty match right after a match is skipped), and replacement
/// templates expand `$1`, `${1}`, `$name` as Go's `Expand` does.
final class GoRegex: @unchecked Sendable {
    /// A pattern that does not compile, with a Go-like message.
    struct SyntaxError: Error, CustomStringConvertible {
        let description: String
    }

    private let expression: NSRegularExpression
    /// Capture group names by group number (1-based; index 0 unused).
    private let groupNames: [String?]

    private static let cache = Mutex<[String: GoRegex]>([:])

    /// A compiled expression, shared between calls with the same pattern.
    static func compile(_ pattern: String) throws(SyntaxError) -> GoRegex {
        if let cached = cache.withLock({ $0[pattern] }) { return cached }
        let regex = try GoRegex(pattern)
        cache.withLock { cache in
            if cache.count > 512 { cache.removeAll() }
            cache[pattern] = regex
        }
        return regex
    }

    private init(_ pattern: String) throws(SyntaxError) {
        let (translated, names) = GoRegex.translate(pattern)
        do {
            expression = try NSRegularExpression(pattern: translated)
        } catch {
            throw SyntaxError(description: "error parsing regexp: invalid or unsupported Perl syntax: `\(pattern)`")
        }
        groupNames = names
    }

    /// Rewrites RE2 syntax into ICU's and lists the capture groups' names.
    private static func translate(_ pattern: String) -> (String, [String?]) {
        var output = ""
        var names: [String?] = [nil]
        let characters = Array(pattern)
        var index = 0
        var inClass = false
        var multiLine = false
        while index < characters.count {
            let character = characters[index]
            if character == "\\" && index + 1 < characters.count {
                let escaped = characters[index + 1]
                // RE2's one-letter property classes (\pL) need braces in ICU.
                if (escaped == "p" || escaped == "P"), index + 2 < characters.count, characters[index + 2] != "{" {
                    output += "\\" + String(escaped) + "{" + String(characters[index + 2]) + "}"
                    index += 3
                    continue
                }
                output.append(character)
                output.append(escaped)
                index += 2
                continue
            }
            if inClass {
                if character == "]" { inClass = false }
                if character == "[" && index + 1 < characters.count && characters[index + 1] == ":" {
                    // RE2's POSIX classes are ASCII-only; spell them as ranges ICU reads the same way.
                    let rest = String(characters[(index + 2)...])
                    if let end = rest.firstRange(of: ":]"), let ranges = posixClasses[String(rest[..<end.lowerBound])] {
                        output += ranges
                        index += 2 + rest.distance(from: rest.startIndex, to: end.upperBound)
                        continue
                    }
                }
                // ICU reads "[" inside a class as a nested set; in RE2 it is a literal.
                output += character == "[" ? "\\[" : String(character)
                index += 1
                continue
            }
            switch character {
            case "[":
                inClass = true
                output.append(character)
                if index + 1 < characters.count && characters[index + 1] == "^" {
                    output.append("^")
                    index += 1
                }
                if index + 1 < characters.count && characters[index + 1] == "]" {
                    output += "\\]"
                    index += 1
                }
            case "(":
                if index + 1 < characters.count && characters[index + 1] == "?" {
                    let rest = String(characters[(index + 2)...])
                    if rest.hasPrefix("P<") || (rest.hasPrefix("<") && !rest.hasPrefix("<=") && !rest.hasPrefix("<!")) {
                        let start = index + (rest.hasPrefix("P<") ? 4 : 3)
                        var end = start
                        while end < characters.count && characters[end] != ">" { end += 1 }
                        names.append(String(characters[start..<min(end, characters.count)]))
                        output += "("
                        index = end + 1
                        continue
                    }
                    if let close = rest.firstIndex(where: { $0 == ")" || $0 == ":" }) {
                        let flags = rest[..<close]
                        if flags.prefix(while: { $0 != "-" }).contains("m") { multiLine = true }
                    }
                } else {
                    names.append(nil)
                }
                output.append(character)
            case "$":
                output += multiLine ? "$" : "\\z"
            default:
                output.append(character)
            }
            index += 1
        }
        return (output.isEmpty ? "(?:)" : output, names)
    }

    private static let posixClasses: [String: String] = [
        "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x00-\\x7F", "blank": "\\t ", "cntrl": "\\x00-\\x1F\\x7F",
        "digit": "0-9", "graph": "!-~", "lower": "a-z", "print": " -~", "punct": "!-/:-@\\[-`{-~", "space": "\\t\\n\\x0B\\f\\r ",
        "upper": "A-Z", "word": "0-9A-Za-z_", "xdigit": "0-9A-Fa-f",
    ]

    /// The match ranges (whole match and groups, as UTF-16 ranges; nil for groups that did not take part)
    /// of up to `limit` successive matches (all when `limit` < 0), as Go's `FindAll*Index`.
    func matches(in string: String, limit: Int = -1) -> [[NSRange]] {
        let text = string as NSString
        let length = text.length
        var results: [[NSRange]] = []
        var position = 0
        var previousEnd = -1
        while (limit < 0 || results.count < limit) && position <= length {
            guard let match = expression.firstMatch(in: string, options: [.withTransparentBounds, .withoutAnchoringBounds], range: NSRange(location: position, length: length - position)) else { break }
            let range = match.range
            var accept = true
            if range.location + range.length == position {
                if range.location == previousEnd { accept = false }
                position += position < length ? ((0xD800...0xDBFF).contains(text.character(at: position)) ? 2 : 1) : 1
            } else {
                position = range.location + range.length
            }
            previousEnd = range.location + range.length
            if accept {
                results.append((0..<match.numberOfRanges).map { match.range(at: $0) })
            }
        }
        return results
    }

    /// Go's `MatchString`.
    func matches(_ string: String) -> Bool {
        expression.firstMatch(in: string, range: NSRange(location: 0, length: (string as NSString).length)) != nil
    }

    /// Go's `ReplaceAllString` (`literal`: `ReplaceAllLiteralString`).
    func replaceAll(in string: String, with replacement: String, literal: Bool) -> String {
        let text = string as NSString
        var output = ""
        var last = 0
        for ranges in matches(in: string) {
            let whole = ranges[0]
            output += text.substring(with: NSRange(location: last, length: whole.location - last))
            output += literal ? replacement : expand(replacement, text: text, ranges: ranges)
            last = whole.location + whole.length
        }
        output += text.substring(from: last)
        return output
    }

    /// Go's `Split`.
    func split(_ string: String, limit: Int) -> [String] {
        if limit == 0 { return [] }
        if string.isEmpty { return [""] }
        let text = string as NSString
        let found = matches(in: string, limit: limit)
        var parts: [String] = []
        var beginning = 0
        var end = 0
        for ranges in found {
            if limit > 0 && parts.count == limit - 1 { break }
            let whole = ranges[0]
            end = whole.location
            if whole.location + whole.length != 0 {
                parts.append(text.substring(with: NSRange(location: beginning, length: end - beginning)))
            }
            beginning = whole.location + whole.length
        }
        if end != text.length { parts.append(text.substring(from: beginning)) }
        return parts
    }

    /// Go's `Regexp.Expand` for string templates.
    private func expand(_ template: String, text: NSString, ranges: [NSRange]) -> String {
        func group(_ number: Int) -> String {
            guard number < ranges.count, ranges[number].location != NSNotFound else { return "" }
            return text.substring(with: ranges[number])
        }
        var output = ""
        var characters = template.unicodeScalars[...]
        while let scalar = characters.popFirst() {
            guard scalar == "$" else {
                output.unicodeScalars.append(scalar)
                continue
            }
            if characters.first == "$" {
                output += "$"
                characters.removeFirst()
                continue
            }
            var name = ""
            var rest = characters
            if rest.first == "{" {
                rest.removeFirst()
                while let next = rest.first, next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "_" {
                    name.unicodeScalars.append(rest.removeFirst())
                }
                guard rest.first == "}", !name.isEmpty else {
                    output += "$"
                    continue
                }
                rest.removeFirst()
            } else {
                while let next = rest.first, next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "_" {
                    name.unicodeScalars.append(rest.removeFirst())
                }
                if name.isEmpty {
                    output += "$"
                    continue
                }
            }
            characters = rest
            if let number = Int(name) {
                output += group(number)
            } else if let number = groupNames.firstIndex(of: name) {
                output += group(number)
            }
        }
        return output
    }

    /// Go's `QuoteMeta`.
    static func quoteMeta(_ string: String) -> String {
        var output = ""
        for character in string {
            if "\\.+*?()|[]{}^$".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }
}
