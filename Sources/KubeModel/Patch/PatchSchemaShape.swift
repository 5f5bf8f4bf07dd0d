/// The structural type of a value in the schema notation: `core.v1.Container` (an object of that
/// definition), `[]` + element (a list), `{}` + value (a map), or `=` + JSON type (a scalar:
/// `=string`, `=integer`, `=number`, `=boolean`, `=int-or-string`; empty when unknown).
indirect enum PatchSchemaShape: Sendable, Equatable {
    case scalar(String)
    case object(String)
    case list(PatchSchemaShape)
    case map(PatchSchemaShape)

    init(notation: Substring) {
        if notation.isEmpty || notation.hasPrefix("=") {
            self = .scalar(String(notation.dropFirst()))
        } else if notation.hasPrefix("[]") {
            self = .list(PatchSchemaShape(notation: notation.dropFirst(2)))
        } else if notation.hasPrefix("{}") {
            self = .map(PatchSchemaShape(notation: notation.dropFirst(2)))
        } else {
            self = .object(String(notation))
        }
    }

    init(notation: String) {
        self.init(notation: Substring(notation))
    }

    /// The definition this shape ends in, if any.
    var definitionName: String? {
        switch self {
        case .scalar: nil
        case .object(let name): name
        case .list(let element), .map(let element): element.definitionName
        }
    }
}
