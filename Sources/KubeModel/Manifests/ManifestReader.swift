/// Reads manifest files (YAML or JSON, one or many documents) into Kubernetes objects the way kubectl
/// does: documents split on `---`, JSON detected by its first character, empty documents skipped, and
/// `List` kinds and top-level JSON arrays flattened into their items.
public enum ManifestReader {
    /// Reads every document in `text` as a JSON value, flattening lists.
    /// - Parameters:
    ///   - text: YAML or JSON text.
    ///   - source: The file name used in errors.
    public static func readDocuments(_ text: String, source: String? = nil) throws(DocumentError) -> [JSONValue] {
        let documents: [JSONValue]
        if looksLikeJSON(text) {
            do {
                documents = try JSONParser.parseStream(bytes: Array(text.utf8))
            } catch {
                throw error.located(source: source, documentIndex: nil)
            }
        } else {
            documents = try YAMLReader.readAll(text, source: source)
        }
        var flattened: [JSONValue] = []
        flattened.reserveCapacity(documents.count)
        for document in documents { flatten(document, into: &flattened) }
        return flattened
    }

    /// Reads every document in `text` as a Kubernetes object; each must have `apiVersion` and `kind`.
    public static func readObjects(_ text: String, source: String? = nil) throws(DocumentError) -> [KubeObject] {
        var objects: [KubeObject] = []
        for (position, document) in try readDocuments(text, source: source).enumerated() {
            do {
                objects.append(try KubeObject(document))
            } catch {
                throw error.located(source: source, documentIndex: position + 1)
            }
        }
        return objects
    }

    /// kubectl treats input whose first non-space character opens a JSON object or array as JSON.
    private static func looksLikeJSON(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    private static func flatten(_ document: JSONValue, into output: inout [JSONValue]) {
        switch document {
        case .array(let elements):
            for element in elements { flatten(element, into: &output) }
        case .object:
            if let kind = document["kind"]?.stringValue, kind.hasSuffix("List"), let items = document["items"]?.arrayValue {
                for item in items { flatten(item, into: &output) }
            } else {
                output.append(document)
            }
        default:
            output.append(document)
        }
    }
}
