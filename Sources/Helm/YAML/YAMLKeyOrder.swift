/// A mapping key in go-yaml v2's order: runs of digits compare as numbers, and non-letters sort before
/// letters (so `a2` < `a10` and `_x` < `a`); distinct keys never compare equal, so the order needs no
/// tie-break. Holds the key's scalars, split once rather than at every comparison of a sort.
struct YAMLKeyOrder: Comparable {
    private let scalars: [Unicode.Scalar]

    init(_ key: String) {
        scalars = Array(key.unicodeScalars)
    }

    static func == (a: YAMLKeyOrder, b: YAMLKeyOrder) -> Bool { a.scalars == b.scalars }

    static func < (a: YAMLKeyOrder, b: YAMLKeyOrder) -> Bool {
        let left = a.scalars, right = b.scalars
        var index = 0
        while index < left.count && index < right.count {
            if left[index] == right[index] {
                index += 1
                continue
            }
            let leftLetter = isLetter(left[index]), rightLetter = isLetter(right[index])
            if leftLetter && rightLetter { return left[index].value < right[index].value }
            if leftLetter || rightLetter { return rightLetter }
            var leftNumber: Int64 = 0, rightNumber: Int64 = 0
            if left[index] == "0" || right[index] == "0" {
                var back = index - 1
                while back >= 0 && isDigit(left[back]) {
                    if left[back] != "0" {
                        leftNumber = 1
                        rightNumber = 1
                        break
                    }
                    back -= 1
                }
            }
            var leftEnd = index, rightEnd = index
            while leftEnd < left.count && isDigit(left[leftEnd]) {
                leftNumber = leftNumber &* 10 &+ Int64(left[leftEnd].value - 48)
                leftEnd += 1
            }
            while rightEnd < right.count && isDigit(right[rightEnd]) {
                rightNumber = rightNumber &* 10 &+ Int64(right[rightEnd].value - 48)
                rightEnd += 1
            }
            if leftNumber != rightNumber { return leftNumber < rightNumber }
            if leftEnd != rightEnd { return leftEnd < rightEnd }
            return left[index].value < right[index].value
        }
        return left.count < right.count
    }

    /// go-yaml's `unicode.IsLetter`, answered for ASCII without the Unicode tables.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        return scalar.properties.isAlphabetic
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }
}
