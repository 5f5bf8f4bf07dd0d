/// `{{template "name" pipeline}}` (and the call half of `{{block}}`).
final class TemplateCallNode: Node {
    let position: Int
    let line: Int
    let name: String
    let pipe: PipeNode?

    init(position: Int, line: Int, name: String, pipe: PipeNode?) {
        self.position = position
        self.line = line
        self.name = name
        self.pipe = pipe
    }

    func write(into output: inout String) {
        output += "{{template " + GoQuote.quote(name)
        if let pipe {
            output += " "
            pipe.write(into: &output)
        }
        output += "}}"
    }
}
