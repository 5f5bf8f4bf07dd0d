/// A sequence of statements: a template body or a branch of `if`/`range`/`with`.
final class ListNode: Node {
    let position: Int
    let nodes: [StatementNode]

    init(position: Int, nodes: [StatementNode]) {
        self.position = position
        self.nodes = nodes
    }

    var isEmpty: Bool { nodes.allSatisfy(\.isEmpty) }

    func write(into output: inout String) {
        for node in nodes { node.node.write(into: &output) }
    }
}
