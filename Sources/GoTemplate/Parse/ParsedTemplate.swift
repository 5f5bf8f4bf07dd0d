/// One named template: a file's top-level text or a `{{define}}`/`{{block}}` body.
final class ParsedTemplate: Sendable {
    let name: String
    let source: TemplateSource
    let root: ListNode

    init(name: String, source: TemplateSource, root: ListNode) {
        self.name = name
        self.source = source
        self.root = root
    }
}
