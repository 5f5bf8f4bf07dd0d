/// `.` (dot) or `nil`: a keyword operand with no payload.
final class LiteralNode: Node {
    let position: Int
    let text: String

    init(position: Int, text: String) {
        self.position = position
        self.text = text
    }

    func write(into output: inout String) { output += text }
}
