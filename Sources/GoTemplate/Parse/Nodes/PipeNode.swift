/// A pipeline: optional variable declarations or assignments, then commands joined by `|`.
final class PipeNode: Node {
    let position: Int
    let line: Int
    let isAssign: Bool
    let declarations: [VariableNode]
    let commands: [CommandNode]

    init(position: Int, line: Int, isAssign: Bool, declarations: [VariableNode], commands: [CommandNode]) {
        self.position = position
        self.line = line
        self.isAssign = isAssign
        self.declarations = declarations
        self.commands = commands
    }

    func write(into output: inout String) {
        if !declarations.isEmpty {
            for (index, variable) in declarations.enumerated() {
                if index > 0 { output += ", " }
                variable.write(into: &output)
            }
            output += " := "
        }
        for (index, command) in commands.enumerated() {
            if index > 0 { output += " | " }
            command.write(into: &output)
        }
    }
}
