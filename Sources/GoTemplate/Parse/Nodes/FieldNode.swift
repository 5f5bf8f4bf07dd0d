/// `.Field.Chain`: field or method names on dot.
final class FieldNode: Node {
    let position: Int
    let names: [String]

    init(position: Int, names: [String]) {
        self.position = position
        self.names = names
    }

    func write(into output: inout String) {
        for name in names { output += "." + name }
    }
}
