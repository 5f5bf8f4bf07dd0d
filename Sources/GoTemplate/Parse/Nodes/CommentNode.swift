/// A `{{/* comment */}}`; kept only so that empty-template detection matches Go.
final class CommentNode: Node {
    let position: Int
    let text: String

    init(position: Int, text: String) {
        self.position = position
        self.text = text
    }

    func write(into output: inout String) { output += "{{" + text + "}}" }
}
