/// `{{break}}` or `{{continue}}` inside a `{{range}}`.
final class LoopControlNode: Node {
    let position: Int
    let isBreak: Bool

    init(position: Int, isBreak: Bool) {
        self.position = position
        self.isBreak = isBreak
    }

    func write(into output: inout String) { output += isBreak ? "{{break}}" : "{{continue}}" }
}
