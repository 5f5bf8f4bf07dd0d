import Foundation
import KubeModel

/// A rule pattern prepared once so that matching allocates nothing in the common shapes: `*`, a
/// literal, and globs whose only wildcard is `*` (`team-a/*`, `*/*`, `update/*/Deployment/*`).
/// Other globs fall back to ``Glob`` without a separator and with `{a,b}` alternatives, as upstream
/// compiles them; values are compared byte for byte, as upstream compares them.
enum CompiledPattern: Sendable {
    case anything
    case literal([UInt8])
    /// The literal pieces between `*`s (at least two; the first and last may be empty).
    case stars([[UInt8]])
    case glob(Glob)
    case regex(NSRegularExpression)
    /// An invalid regular expression, which upstream never matches either.
    case nothing

    init(_ pattern: String, mode: RBACMatchMode) {
        switch mode {
        case .glob: self.init(glob: pattern)
        case .regex: self = (try? NSRegularExpression(pattern: pattern)).map(CompiledPattern.regex) ?? .nothing
        }
    }

    init(glob pattern: String) {
        if pattern.unicodeScalars.contains(where: { "?[]{}\\".unicodeScalars.contains($0) }) {
            self = .glob(Glob(pattern, separator: nil, braces: true))
            return
        }
        let pieces = pattern.utf8.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
        if pieces.count == 1 {
            self = .literal(pieces[0])
        } else if pieces.allSatisfy(\.isEmpty) {
            self = .anything
        } else {
            self = .stars(pieces)
        }
    }

    static func isValidRegex(_ pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern)) != nil
    }

    /// The text a literal pattern matches; nil for patterns with wildcards.
    var literalText: String? {
        if case .literal(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    func matches(_ value: String) -> Bool {
        switch self {
        case .anything:
            return true
        case .literal(let bytes):
            return value.utf8.count == bytes.count && Self.withBytes(of: value) { Self.equal($0, at: 0, bytes) }
        case .stars(let pieces):
            return Self.withBytes(of: value) { Self.match(pieces, $0) }
        case .glob(let glob):
            return glob.matches(value)
        case .regex(let expression):
            return expression.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
        case .nothing:
            return false
        }
    }

    private static func withBytes(of value: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        if let result = value.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(value.utf8).withUnsafeBufferPointer(body)
    }

    /// Star-only globs match when the first piece starts the value, the last ends it, and the
    /// pieces between appear in order in what is left; taking the leftmost occurrence of each
    /// never rules out a match.
    private static func match(_ pieces: [[UInt8]], _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = pieces[0], last = pieces[pieces.count - 1]
        guard value.count >= first.count + last.count,
            equal(value, at: 0, first),
            equal(value, at: value.count - last.count, last)
        else { return false }
        var position = first.count
        let end = value.count - last.count
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let found = find(piece, in: value, from: position, to: end) else { return false }
            position = found + piece.count
        }
        return true
    }

    private static func find(_ piece: [UInt8], in value: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard end - start >= piece.count else { return nil }
        for offset in start...(end - piece.count) where value[offset] == piece[0] && equal(value, at: offset, piece) {
            return offset
        }
        return nil
    }

    /// Whether `piece` appears in `value` at `offset` (which leaves room for it).
    private static func equal(_ value: UnsafeBufferPointer<UInt8>, at offset: Int, _ piece: [UInt8]) -> Bool {
        guard !piece.isEmpty else { return true }
        guard let base = value.baseAddress else { return false }
        return piece.withUnsafeBufferPointer { bytes in bytes.baseAddress.map { memcmp(base + offset, $0, bytes.count) == 0 } ?? false }
    }
}
