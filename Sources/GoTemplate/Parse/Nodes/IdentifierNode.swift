/// A function name, with the function it names in the set's library, resolved when parsed (parsing
/// rejects unknown names) so that execution does not look it up on every call.
final class IdentifierNode: Node {
    let position: Int
    let name: String
    let function: GoFunction
    let isBuiltin: Bool

    init(position: Int, name: String, function: GoFunction, isBuiltin: Bool) {
        self.position = position
        self.name = name
        self.function = function
        self.isBuiltin = isBuiltin
    }

    func write(into output: inout String) { output += name }
}
