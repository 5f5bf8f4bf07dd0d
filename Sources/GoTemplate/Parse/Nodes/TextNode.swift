/// Plain text between actions, written to the output as is.
final class TextNode: Node {
    let position: Int
    let text: String

    init(position: Int, text: String) {
        self.position = position
        self.text = text
    }

    func write(into output: inout String) { output += text }
}
