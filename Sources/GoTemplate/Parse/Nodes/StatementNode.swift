/// An element of a list of nodes: what execution walks.
enum StatementNode: Sendable {
    case text(TextNode)
    case action(ActionNode)
    case branch(BranchNode)
    case template(TemplateCallNode)
    case loopControl(LoopControlNode)
    case comment(CommentNode)

    var node: any Node {
        switch self {
        case .text(let node): node
        case .action(let node): node
        case .branch(let node): node
        case .template(let node): node
        case .loopControl(let node): node
        case .comment(let node): node
        }
    }

    /// Go's `IsEmptyTree` for one node: only whitespace text and comments are empty.
    var isEmpty: Bool {
        switch self {
        case .text(let node): node.text.allSatisfy(\.isWhitespace)
        case .comment: true
        default: false
        }
    }
}
