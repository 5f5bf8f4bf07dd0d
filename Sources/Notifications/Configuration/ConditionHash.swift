import Foundation
import GoTemplate

/// `base64url(sha1(text))` without padding, as upstream keys conditions in the `notified`
/// annotation. SHA-1 comes from the template library's `sha1sum` rather than a second implementation.
enum ConditionHash {
    private static let template: TemplateSet? = try? TemplateSet(name: "hash", library: .sprig).parsingText("{{ sha1sum . }}", name: "hash")

    static func of(_ text: String) -> String {
        guard let hex = try? template?.execute("hash", data: .string(text)) else { return text }
        var bytes: [UInt8] = []
        var digits = hex.makeIterator()
        while let high = digits.next(), let low = digits.next(), let byte = UInt8(String([high, low]), radix: 16) { bytes.append(byte) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
