#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Go's byte-wise string operations where Swift's differ: Swift's `firstRange`, `replacing` and
/// `contains` compare characters (grapheme clusters) and are slow on large texts; Go compares UTF-8
/// bytes.
public enum GoStrings {
    /// The byte ranges of the non-overlapping occurrences of a non-empty `pattern`, left to right, at
    /// most `limit` of them (all when negative).
    public static func occurrences(of pattern: String, in string: String, limit: Int = -1) -> [Range<Int>] {
        var string = string, pattern = pattern
        guard !pattern.isEmpty, limit != 0 else { return [] }
        return string.withUTF8 { text in
            pattern.withUTF8 { needle in
                guard let base = text.baseAddress, let needleBase = needle.baseAddress else { return [] }
                var ranges: [Range<Int>] = []
                var position = 0
                let last = text.count - needle.count
                while position <= last, limit < 0 || ranges.count < limit {
                    // memchr finds candidate first bytes far faster than a byte loop.
                    guard let hit = memchr(base + position, Int32(needleBase.pointee), last - position + 1) else { break }
                    let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, needleBase, needle.count) == 0 {
                        ranges.append(index..<(index + needle.count))
                        position = index + needle.count
                    } else {
                        position = index + 1
                    }
                }
                return ranges
            }
        }
    }

    /// Go's `strings.Contains`.
    public static func contains(_ pattern: String, in string: String) -> Bool {
        pattern.isEmpty || !occurrences(of: pattern, in: string, limit: 1).isEmpty
    }

    /// Go's `strings.ReplaceAll` for a non-empty `old`. Returns `string` itself when `old` does not
    /// occur, without copying.
    public static func replacingAll(_ old: String, with new: String, in string: String) -> String {
        let ranges = occurrences(of: old, in: string)
        guard !ranges.isEmpty else { return string }
        var pieces: [Substring] = []
        pieces.reserveCapacity(2 * ranges.count + 1)
        var copied = 0
        for range in ranges {
            pieces.append(slice(string, copied..<range.lowerBound))
            pieces.append(Substring(new))
            copied = range.upperBound
        }
        pieces.append(slice(string, copied..<string.utf8.count))
        return pieces.joined()
    }

    /// Go's `strings.SplitN` for a non-empty separator (`limit` < 0: all parts).
    public static func split(_ string: String, separator: String, limit: Int) -> [String] {
        let ranges = occurrences(of: separator, in: string, limit: limit < 0 ? -1 : limit - 1)
        var parts: [String] = []
        parts.reserveCapacity(ranges.count + 1)
        var start = 0
        for range in ranges {
            parts.append(String(slice(string, start..<range.lowerBound)))
            start = range.upperBound
        }
        parts.append(String(slice(string, start..<string.utf8.count)))
        return parts
    }

    /// The bytes `range` of `string`, which lies on a boundary Go would cut at.
    private static func slice(_ string: String, _ range: Range<Int>) -> Substring {
        let utf8 = string.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound), end = utf8.index(start, offsetBy: range.count)
        return Substring(utf8[start..<end])
    }
}
