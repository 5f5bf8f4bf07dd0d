/// `{{pipeline}}`: evaluates the pipeline and prints the result unless it declares variables.
final class ActionNode: Node {
    let position: Int
    let line: Int
    let pipe: PipeNode

    init(position: Int, line: Int, pipe: PipeNode) {
        self.position = position
        self.line = line
        self.pipe = pipe
    }

    func write(into output: inout String) {
        output += "{{"
        pipe.write(into: &output)
        output += "}}"
    }
}
