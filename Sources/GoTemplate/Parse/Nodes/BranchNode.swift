/// `{{if}}`, `{{range}}` or `{{with}}` with its body and optional else branch.
final class BranchNode: Node {
    enum Kind: String, Sendable {
        case ifBranch = "if"
        case rangeLoop = "range"
        case with
    }

    let kind: Kind
    let position: Int
    let line: Int
    let pipe: PipeNode
    let list: ListNode
    let elseList: ListNode?

    init(kind: Kind, position: Int, line: Int, pipe: PipeNode, list: ListNode, elseList: ListNode?) {
        self.kind = kind
        self.position = position
        self.line = line
        self.pipe = pipe
        self.list = list
        self.elseList = elseList
    }

    func write(into output: inout String) {
        output += "{{" + kind.rawValue + " "
        pipe.write(into: &output)
        output += "}}"
        list.write(into: &output)
        if let elseList {
            output += "{{else}}"
            elseList.write(into: &output)
        }
        output += "{{end}}"
    }
}
