/// The text a template was parsed from and the name errors give it (Go's `ParseName`).
final class TemplateSource: Sendable {
    let name: String
    let text: String

    init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// Go's `ErrorContext` location: 1-based line and the byte column within the line (0-based, as Go
    /// counts it).
    func location(of position: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        for byte in text.utf8 {
            if index >= position { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return (line, line == 1 ? position : position - lineStart)
    }
}
