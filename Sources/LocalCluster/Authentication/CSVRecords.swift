/// Reads CSV as Go's `encoding/csv` does for kube-apiserver's token file: comma-separated fields,
/// double-quoted fields that may hold commas, newlines and doubled quotes, and empty lines skipped.
enum CSVRecords {
    /// The records with the line each starts on.
    /// - Throws: ``TokenFileError`` for a stray or unterminated quote, naming the line.
    static func parse(_ text: String, path: String) throws(TokenFileError) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var characters = text.makeIterator()
        var pending: Character? = characters.next()

        func endRecord() {
            fields.append(field)
            // A line with nothing on it is skipped, as encoding/csv does.
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) { records.append((recordLine, fields)) }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while let character = pending {
            pending = characters.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        inQuotes = false
                        guard pending == nil || pending == "," || pending == "\n" || pending == "\r\n" || pending == "\r" else {
                            throw TokenFileError(path: path, line: line, reason: "a quoted field must end at a comma or the end of the line")
                        }
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty else {
                    throw TokenFileError(path: path, line: line, reason: "a quote inside an unquoted field; quote the whole field and double the quote")
                }
                inQuotes = true
                fieldWasQuoted = true
            default:
                field.append(character)
            }
        }
        guard !inQuotes else { throw TokenFileError(path: path, line: recordLine, reason: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
