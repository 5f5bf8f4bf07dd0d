/// A function name.
final class IdentifierNode: Node {
    let position: Int
    let name: String

    init(position: Int, name: String) {
        self.position = position
        self.name = name
    }

    func write(into output: inout String) { output += name }
}
