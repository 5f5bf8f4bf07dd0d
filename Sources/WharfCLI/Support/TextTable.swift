import Foundation

/// Columns aligned as Go's `tabwriter` aligns upstream's tables (minimum width 0, padding 2,
/// the last column left unpadded).
struct TextTable {
    private var rows: [[String]]

    /// A table with the given header row.
    init(_ header: [String]) {
        rows = [header]
    }

    /// Adds a row.
    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The aligned text, one line per row, each ending in a newline.
    var text: String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() where index < row.count - 1 { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index < row.count - 1 ? cell.padding(toLength: widths[index] + 2, withPad: " ", startingAt: 0) : cell
            }.joined()
        }.joined(separator: "\n") + "\n"
    }
}
