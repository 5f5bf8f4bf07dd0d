/// One command of a pipeline: a function, field, method or value followed by its arguments.
final class CommandNode: Node {
    let position: Int
    let arguments: [OperandNode]

    init(position: Int, arguments: [OperandNode]) {
        self.position = position
        self.arguments = arguments
    }

    func write(into output: inout String) {
        for (index, argument) in arguments.enumerated() {
            if index > 0 { output += " " }
            if case .pipe(let pipe) = argument {
                output += "("
                pipe.write(into: &output)
                output += ")"
            } else {
                argument.node.write(into: &output)
            }
        }
    }
}
