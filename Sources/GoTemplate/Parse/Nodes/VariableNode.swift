/// `$name.Field.Chain`: a variable, possibly followed by fields. `names[0]` includes the `$`.
final class VariableNode: Node {
    let position: Int
    let names: [String]

    init(position: Int, names: [String]) {
        self.position = position
        self.names = names
    }

    func write(into output: inout String) { output += names.joined(separator: ".") }
}
