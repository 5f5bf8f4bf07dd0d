/// An operand of a command: a term, possibly followed by field accesses.
enum OperandNode: Sendable {
    case field(FieldNode)
    case chain(ChainNode)
    case identifier(IdentifierNode)
    case pipe(PipeNode)
    case variable(VariableNode)
    case dot(LiteralNode)
    case nilLiteral(LiteralNode)
    case bool(BoolNode)
    case number(NumberNode)
    case string(StringNode)

    var node: any Node {
        switch self {
        case .field(let node): node
        case .chain(let node): node
        case .identifier(let node): node
        case .pipe(let node): node
        case .variable(let node): node
        case .dot(let node): node
        case .nilLiteral(let node): node
        case .bool(let node): node
        case .number(let node): node
        case .string(let node): node
        }
    }

    /// Whether the operand is a constant that cannot start a later pipeline stage.
    var isNonExecutable: Bool {
        switch self {
        case .bool, .dot, .nilLiteral, .number, .string: true
        default: false
        }
    }
}
