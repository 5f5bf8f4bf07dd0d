/// `(pipeline).Field` or `func.Field`: fields applied to a term that is not dot or a variable.
final class ChainNode: Node {
    let position: Int
    let base: OperandNode
    let names: [String]

    init(position: Int, base: OperandNode, names: [String]) {
        self.position = position
        self.base = base
        self.names = names
    }

    func write(into output: inout String) {
        if case .pipe(let pipe) = base {
            output += "("
            pipe.write(into: &output)
            output += ")"
        } else {
            base.node.write(into: &output)
        }
        for name in names { output += "." + name }
    }
}
