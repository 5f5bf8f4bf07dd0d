import KubeModel

/// Typed reads of an object's fields that name the full field path when a value has the wrong type.
struct FieldReader {
    let value: JSONValue
    let field: String

    func string(_ key: String) throws(SourceError) -> String? {
        guard let member = value[key], !member.isNull else { return nil }
        guard let text = member.stringValue else { throw SourceError("\(field).\(key) must be a string, not \(member.typeName)") }
        return text
    }

    func bool(_ key: String) throws(SourceError) -> Bool {
        guard let member = value[key], !member.isNull else { return false }
        guard let flag = member.boolValue else { throw SourceError("\(field).\(key) must be true or false, not \(member.typeName)") }
        return flag
    }

    func strings(_ key: String) throws(SourceError) -> [String] {
        guard let member = value[key], !member.isNull else { return [] }
        guard let elements = member.arrayValue else { throw SourceError("\(field).\(key) must be a list of strings, not \(member.typeName)") }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard let text = element.stringValue else { throw SourceError("\(field).\(key)[\(index)] must be a string, not \(element.typeName)") }
            result.append(text)
        }
        return result
    }

    func stringMap(_ key: String) throws(SourceError) -> [(key: String, value: String)] {
        guard let member = value[key], !member.isNull else { return [] }
        guard let members = member.objectValue else { throw SourceError("\(field).\(key) must be a map of strings, not \(member.typeName)") }
        var result: [(key: String, value: String)] = []
        for (name, element) in members {
            guard let text = element.stringValue else { throw SourceError("\(field).\(key).\(name) must be a string, not \(element.typeName)") }
            result.append((name, text))
        }
        return result
    }

    /// The objects of a list field, each with its own reader.
    func objects(_ key: String) throws(SourceError) -> [FieldReader] {
        guard let member = value[key], !member.isNull else { return [] }
        guard let elements = member.arrayValue else { throw SourceError("\(field).\(key) must be a list, not \(member.typeName)") }
        var result: [FieldReader] = []
        for (index, element) in elements.enumerated() {
            guard element.objectValue != nil else { throw SourceError("\(field).\(key)[\(index)] must be an object, not \(element.typeName)") }
            result.append(FieldReader(value: element, field: "\(field).\(key)[\(index)]"))
        }
        return result
    }
}
