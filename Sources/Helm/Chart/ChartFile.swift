/// A file of a chart, by its path relative to the chart's root (`templates/deployment.yaml`).
public struct ChartFile: Sendable {
    /// The path relative to the chart root, with `/` separators.
    public let path: String
    /// The file's bytes.
    public let data: [UInt8]

    /// Creates a file.
    public init(path: String, data: [UInt8]) {
        self.path = path
        self.data = data
    }

    /// The contents as UTF-8 text.
    public var text: String { String(decoding: data, as: UTF8.self) }
}
