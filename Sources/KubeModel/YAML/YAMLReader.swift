import Yams

/// Reads YAML text into ``JSONValue`` documents with Kubernetes' meaning of every scalar.
///
/// Key order is kept, anchors, aliases and `<<` merge keys are expanded, and duplicate keys are an
/// error that names the line of both occurrences.
public enum YAMLReader {
    /// Reads every document of a YAML stream; empty documents (only comments, or `---` alone) are skipped.
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - source: A name for the text (usually the file path) used in errors.
    public static func readAll(_ text: String, source: String? = nil) throws(DocumentError) -> [JSONValue] {
        var documents: [JSONValue] = []
        var documentIndex = 1
        do {
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            while let root = try parser.nextRoot() {
                let value = try convert(root)
                if !value.isNull { documents.append(value) }
                documentIndex += 1
            }
        } catch let error as DocumentError {
            throw error.located(source: source, documentIndex: documentIndex)
        } catch let error as YamlError {
            throw documentError(from: error, source: source, documentIndex: documentIndex)
        } catch {
            throw DocumentError(source: source, documentIndex: documentIndex, message: "\(error)")
        }
        return documents
    }

    /// Reads a single YAML document (an empty text reads as `null`).
    public static func read(_ text: String, source: String? = nil) throws(DocumentError) -> JSONValue {
        let documents = try readAll(text, source: source)
        guard documents.count <= 1 else {
            throw DocumentError(source: source, message: "expected one YAML document, found \(documents.count)")
        }
        return documents.first ?? .null
    }

    private static func convert(_ node: Node) throws(DocumentError) -> JSONValue {
        switch node {
        case .scalar(let scalar): return try convert(scalar)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            elements.reserveCapacity(sequence.count)
            for element in sequence { elements.append(try convert(element)) }
            return .array(elements)
        case .mapping(let mapping): return try convert(mapping)
        case .alias(let alias):
            throw error(at: alias.mark, "unresolved alias '\(alias.anchor.rawValue)'")
        }
    }

    private static func convert(_ scalar: Node.Scalar) throws(DocumentError) -> JSONValue {
        let tag = scalar.tag.rawValue
        let resolution: YAMLScalarResolver.Resolution
        if tag.isEmpty {
            resolution = scalar.style == .plain ? YAMLScalarResolver.resolvePlain(scalar.string) : .value(.string(scalar.string))
        } else if tag == "!" {
            resolution = .value(.string(scalar.string))
        } else {
            resolution = YAMLScalarResolver.resolveTagged(scalar.string, tag: tag) ?? .value(.string(scalar.string))
        }
        switch resolution {
        case .value(let value): return value
        case .notRepresentable(let reason): throw error(at: scalar.mark, reason)
        }
    }

    private static func resolve(plain scalar: Node.Scalar) throws(DocumentError) -> JSONValue {
        switch YAMLScalarResolver.resolvePlain(scalar.string) {
        case .value(let value): return value
        case .notRepresentable(let reason): throw error(at: scalar.mark, reason)
        }
    }

    private static func convert(_ mapping: Node.Mapping) throws(DocumentError) -> JSONValue {
        var members = JSONObject()
        members.reserveCapacity(mapping.count)
        var keyLines: [String: Int] = [:]
        var merged: [JSONObject] = []
        for (keyNode, valueNode) in mapping {
            if case .scalar(let keyScalar) = keyNode, keyScalar.style == .plain, keyScalar.string == "<<" {
                merged.append(contentsOf: try mergeSources(valueNode))
                continue
            }
            let key = try keyText(keyNode)
            let line = keyNode.mark?.line ?? 0
            if let firstLine = keyLines[key] {
                throw error(at: keyNode.mark, "duplicate key \"\(key)\" (first defined on line \(firstLine))")
            }
            keyLines[key] = line
            members[key] = try convert(valueNode)
        }
        for source in merged {
            for (key, value) in source where members[key] == nil {
                members[key] = value
            }
        }
        return .object(members)
    }

    private static func mergeSources(_ node: Node) throws(DocumentError) -> [JSONObject] {
        switch node {
        case .mapping:
            guard case .object(let members) = try convert(node) else { return [] }
            return [members]
        case .sequence(let sequence):
            var sources: [JSONObject] = []
            for element in sequence {
                guard case .mapping = element, case .object(let members) = try convert(element) else {
                    throw error(at: element.mark, "a '<<' merge list may only contain mappings")
                }
                sources.append(members)
            }
            return sources
        default:
            throw error(at: node.mark, "the value of a '<<' merge key must be a mapping or a list of mappings")
        }
    }

    /// JSON keys are strings; scalar keys of other types become their text as Kubernetes' decoder does.
    private static func keyText(_ node: Node) throws(DocumentError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(at: node.mark, "a mapping key must be a scalar, not a \(node.isMapping ? "mapping" : "sequence")")
        }
        // Yams resolves (and overwrites) key tags to `str` while checking for duplicate keys, so a plain
        // key's tag no longer says whether it was implicit; plain keys are resolved like plain values.
        let value = scalar.style == .plain ? try resolve(plain: scalar) : try convert(scalar)
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.literal
        case .null: return "null"
        case .array, .object: return scalar.string
        }
    }

    private static func error(at mark: Mark?, _ message: String) -> DocumentError {
        DocumentError(line: mark?.line, column: mark?.column, message: message)
    }

    private static func documentError(from error: YamlError, source: String?, documentIndex: Int) -> DocumentError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return DocumentError(
                source: source, documentIndex: documentIndex, line: mark.line, column: mark.column,
                message: "invalid YAML: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return DocumentError(
                source: source, documentIndex: documentIndex, line: context.mark.line, column: context.mark.column,
                message: "duplicate key \(keys) in a mapping; each key may appear once")
        case .reader(let problem, _, _, _):
            return DocumentError(source: source, documentIndex: documentIndex, message: "invalid YAML input: \(problem)")
        default:
            return DocumentError(source: source, documentIndex: documentIndex, message: "invalid YAML: \(error)")
        }
    }
}

extension Node {
    fileprivate var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }
}
