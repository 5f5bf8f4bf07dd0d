extension StrategicMerger {
    /// A patch value as it goes into the result where nothing is merged (a field the original lacks,
    /// a replaced list, a new list element): without `null` members, which mean "absent", and without
    /// directives, which have nothing left to act on. An object that is itself a `$patch` directive
    /// yields nil and is left out, as apimachinery leaves it out.
    static func cleaned(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .object(let members):
            if members[StrategicDirective.patch] != nil { return nil }
            return .object(cleanedMembers(members))
        case .array(let elements):
            return .array(cleanedList(elements))
        default:
            return value
        }
    }

    /// The members of an object cleaned as ``cleaned(_:)`` describes.
    static func cleanedMembers(_ members: JSONObject) -> JSONObject {
        var result = JSONObject()
        result.reserveCapacity(members.count)
        for (key, value) in members where !value.isNull && !StrategicDirective.isDirective(key) {
            if let kept = cleaned(value) { result[key] = kept }
        }
        return result
    }

    /// The elements of a list cleaned as ``cleaned(_:)`` describes; `null` elements stay.
    static func cleanedList(_ elements: [JSONValue]) -> [JSONValue] {
        elements.compactMap(cleaned)
    }
}
