/// Go's `unicode` package predicates and simple case mappings, rune by rune (Go never expands one rune
/// into several, unlike Swift's full case mappings).
enum GoUnicode {
    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("A"..."Z").contains(scalar) : scalar.properties.isUppercase
    }

    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) : scalar.properties.isLowercase
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) : scalar.properties.isAlphabetic
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.numericType == .decimal
    }

    /// `unicode.IsSpace`: ASCII `\t\n\v\f\r `, U+0085, U+00A0 and the White_Space property.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: true
        case 0..<0x80: false
        default: scalar.properties.isWhitespace
        }
    }

    static func toUpper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 32)! : scalar
        }
        return single(scalar.properties.uppercaseMapping) ?? scalar
    }

    static func toLower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }
        return single(scalar.properties.lowercaseMapping) ?? scalar
    }

    static func toTitle(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return toUpper(scalar) }
        return single(scalar.properties.titlecaseMapping) ?? scalar
    }

    private static func single(_ mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        return scalars.count == 1 ? scalars.first : nil
    }

    /// Maps every scalar of a string.
    static func map(_ string: String, _ transform: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        var result = String.UnicodeScalarView()
        for scalar in string.unicodeScalars { result.append(transform(scalar)) }
        return String(result)
    }
}
