/// `true` or `false`.
final class BoolNode: Node {
    let position: Int
    let value: Bool

    init(position: Int, value: Bool) {
        self.position = position
        self.value = value
    }

    func write(into output: inout String) { output += value ? "true" : "false" }
}
