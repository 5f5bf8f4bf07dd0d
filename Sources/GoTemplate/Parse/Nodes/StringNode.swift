/// A quoted or raw string constant.
final class StringNode: Node {
    let position: Int
    /// The literal as written, quotes included.
    let quoted: String
    /// The unquoted value.
    let value: String

    init(position: Int, quoted: String, value: String) {
        self.position = position
        self.quoted = quoted
        self.value = value
    }

    func write(into output: inout String) { output += quoted }
}
