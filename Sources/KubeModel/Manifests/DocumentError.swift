/// A document that could not be read: names where (file, document, line, column) and what is wrong.
public struct DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or stream name, such as `deploy.yaml` or `<stdin>`; nil when the text had no name.
    public var source: String?
    /// The 1-based index of the document in a multi-document stream; nil for single-document input.
    public var documentIndex: Int?
    /// The 1-based line of the problem, when known.
    public var line: Int?
    /// The 1-based column of the problem, when known.
    public var column: Int?
    /// What is wrong, in words a user can act on.
    public var message: String

    /// Creates an error; location parts that are unknown stay nil.
    public init(source: String? = nil, documentIndex: Int? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.source = source
        self.documentIndex = documentIndex
        self.line = line
        self.column = column
        self.message = message
    }

    /// One line: `file: document N, line L, column C: message`.
    public var description: String {
        var location: [String] = []
        if let documentIndex { location.append("document \(documentIndex)") }
        if let line { location.append("line \(line)") }
        if let column { location.append("column \(column)") }
        var text = source.map { "\($0): " } ?? ""
        if !location.isEmpty { text += location.joined(separator: ", ") + ": " }
        return text + message
    }

    /// The same error placed in a named source and document.
    func located(source: String?, documentIndex: Int?) -> DocumentError {
        var copy = self
        copy.source = copy.source ?? source
        copy.documentIndex = copy.documentIndex ?? documentIndex
        return copy
    }
}
