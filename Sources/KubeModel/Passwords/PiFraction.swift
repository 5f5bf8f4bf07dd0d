/// The hexadecimal digits of π's fractional part, as 32-bit words: Blowfish's initial subkeys and
/// S-boxes are defined as these digits. Computing them once (Machin's formula in fixed point) keeps a
/// 4 KiB constant table out of the source.
enum PiFraction {
    /// The first `count` words after the point: 0x243F6A88, 0x85A308D3, ...
    static func words(_ count: Int) -> [UInt32] {
        // Guard words absorb the truncation error of the ~10,000 divided terms.
        let width = count + 4
        var pi = [UInt32](repeating: 0, count: width + 1)
        // π = 16·atan(1/5) − 4·atan(1/239)
        add(arctangentOfReciprocal(5, width: width, scaledBy: 16), to: &pi, subtracting: false, from: 0)
        add(arctangentOfReciprocal(239, width: width, scaledBy: 4), to: &pi, subtracting: true, from: 0)
        return Array(pi[1...count])
    }

    /// `scale · atan(1/x)` as a fixed-point number: index 0 holds the integer part, then `width`
    /// fractional words, most significant first.
    private static func arctangentOfReciprocal(_ x: UInt32, width: Int, scaledBy scale: UInt32) -> [UInt32] {
        var sum = [UInt32](repeating: 0, count: width + 1)
        var power = [UInt32](repeating: 0, count: width + 1)
        power[0] = scale
        var leading = divide(&power, by: x, from: 0)
        add(power, to: &sum, subtracting: false, from: leading)
        let square = x * x
        var k: UInt32 = 1
        while leading <= width {
            leading = divide(&power, by: square, from: leading)
            var term = power
            let termLeading = divide(&term, by: 2 * k + 1, from: leading)
            add(term, to: &sum, subtracting: k % 2 == 1, from: termLeading)
            k += 1
        }
        return sum
    }

    /// Divides in place, skipping the words before `from` (known to be zero); returns the index of the
    /// first non-zero word of the quotient (`count` when it is zero).
    private static func divide(_ number: inout [UInt32], by divisor: UInt32, from: Int) -> Int {
        number.withUnsafeMutableBufferPointer { words in
            var remainder: UInt64 = 0
            var leading = words.count
            for index in from..<words.count {
                let current = remainder << 32 | UInt64(words[index])
                let quotient = current / UInt64(divisor)
                remainder = current - quotient * UInt64(divisor)
                words[index] = UInt32(truncatingIfNeeded: quotient)
                if quotient != 0 && leading == words.count { leading = index }
            }
            return leading
        }
    }

    /// Adds (or subtracts) `term`, whose words before `from` are zero, into `sum`.
    private static func add(_ term: [UInt32], to sum: inout [UInt32], subtracting: Bool, from: Int) {
        sum.withUnsafeMutableBufferPointer { sum in
            term.withUnsafeBufferPointer { term in
                var carry: Int64 = 0
                var index = sum.count - 1
                while index >= 0 && (index >= from || carry != 0) {
                    var value = Int64(sum[index]) + carry
                    if index < term.count && index >= from { value += subtracting ? -Int64(term[index]) : Int64(term[index]) }
                    carry = value >> 32
                    sum[index] = UInt32(truncatingIfNeeded: value)
                    index -= 1
                }
            }
        }
    }
}
