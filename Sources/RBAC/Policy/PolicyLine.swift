/// One meaningful line of a policy: a rule or a role assignment.
enum PolicyLine: Sendable, Hashable {
    case rule(PolicyRule)
    case assignment(RoleAssignment)

    /// The line's meaning; nil for a blank line or a `#` comment.
    static func parse(_ text: Substring) throws(PolicyIssue) -> PolicyLine? {
        let line = text.drop(while: \.isWhitespace)
        if line.isEmpty || line.hasPrefix("#") { return nil }
        let fields = try PolicyCSVFields.split(line)
        switch fields[0] {
        case "p":
            guard fields.count == 5 || fields.count == 6 else { throw .fieldCount(kind: "p", found: fields.count) }
            try requireValues(fields, names: ["subject", "resource", "action", "object"])
            let allows: Bool
            switch fields.count == 6 ? fields[5] : "allow" {
            case "allow": allows = true
            case "deny": allows = false
            case let effect: throw .unknownEffect(effect)
            }
            return .rule(PolicyRule(subject: fields[1], resource: fields[2], action: fields[3], object: fields[4], allows: allows))
        case "g":
            guard fields.count == 3 else { throw .fieldCount(kind: "g", found: fields.count) }
            try requireValues(fields, names: ["user or group", "role"])
            return .assignment(RoleAssignment(member: fields[1], role: fields[2]))
        case let kind:
            throw .unknownLineKind(kind)
        }
    }

    /// Fields after the first must not be empty: an empty subject would silently speak for
    /// anonymous callers, an empty pattern would never match.
    private static func requireValues(_ fields: [String], names: [String]) throws(PolicyIssue) {
        for (value, name) in zip(fields.dropFirst(), names) where value.isEmpty {
            throw .emptyField(name)
        }
    }
}
