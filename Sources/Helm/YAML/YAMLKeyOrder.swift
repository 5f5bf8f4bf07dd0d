/// go-yaml v2's order for mapping keys: runs of digits compare as numbers, and non-letters sort before
/// letters (so `a2` < `a10` and `_x` < `a`).
enum YAMLKeyOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        let left = Array(a.unicodeScalars), right = Array(b.unicodeScalars)
        var index = 0
        while index < left.count && index < right.count {
            if left[index] == right[index] {
                index += 1
                continue
            }
            let leftLetter = left[index].properties.isAlphabetic, rightLetter = right[index].properties.isAlphabetic
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

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }
}
