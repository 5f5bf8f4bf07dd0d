/// What is wrong with a policy line or setting; ``RBACPolicyError`` adds where.
enum PolicyIssue: Error, Sendable, Hashable {
    case unterminatedQuote
    case quoteInUnquotedField
    case textAfterQuotedField
    case unknownLineKind(String)
    case fieldCount(kind: String, found: Int)
    case emptyField(String)
    case unknownEffect(String)
    case invalidRegex(String)
    case scopesNotAList
    case unknownMatchMode(String)

    var message: String {
        switch self {
        case .unterminatedQuote:
            "a quoted field has no closing quote (write a quote inside quotes as \"\")"
        case .quoteInUnquotedField:
            "a quote inside a field that does not start with one; quote the whole field"
        case .textAfterQuotedField:
            "text follows a closing quote before the next comma"
        case .unknownLineKind(let kind):
            "lines start with p (a rule) or g (a role assignment), not \"\(kind)\"; the line is ignored"
        case .fieldCount(let kind, let found) where kind == "p":
            "a p line is p, subject, resource, action, object[, allow|deny] but has \(found) fields; the line is ignored"
        case .fieldCount(_, let found):
            "a g line is g, user-or-group, role but has \(found) fields; the line is ignored"
        case .emptyField(let name):
            "the \(name) is empty; the line is ignored"
        case .unknownEffect(let effect):
            "the effect must be allow or deny, not \"\(effect)\"; the line is ignored"
        case .invalidRegex(let pattern):
            "\"\(pattern)\" is not a valid regular expression (policy.matchMode is regex); the line is ignored"
        case .scopesNotAList:
            "must be a YAML list of token claim names such as [groups, email]; using [groups]"
        case .unknownMatchMode(let mode):
            "must be glob or regex, not \"\(mode)\"; using glob"
        }
    }
}
