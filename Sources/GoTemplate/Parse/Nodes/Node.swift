/// A node of a parsed template. Nodes are immutable, so a parsed template can be executed by many
/// threads at once.
protocol Node: AnyObject, Sendable {
    /// Byte offset of the node in its source, used for `line:column` in errors.
    var position: Int { get }
    /// Writes the node as Go's `Node.String()` does (errors quote it as `at <...>`).
    func write(into output: inout String)
}

extension Node {
    /// The node as Go's `Node.String()` prints it.
    var sourceText: String {
        var output = ""
        write(into: &output)
        return output
    }
}
