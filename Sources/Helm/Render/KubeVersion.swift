import GoTemplate

/// `.Capabilities.KubeVersion`: `Version`, `Major`, `Minor`, `GitVersion`, printed as the version.
struct KubeVersion: GoObject, GoJSONEncodable {
    let version: String

    private var parts: (major: String, minor: String) {
        let numbers = version.drop(while: { $0 == "v" }).split(separator: ".")
        return (numbers.first.map(String.init) ?? "", numbers.count > 1 ? String(numbers[1]) : "")
    }

    var goType: GoType { GoType(name: "common.KubeVersion", kind: .struct) }

    func member(named name: String) -> GoMember? {
        switch name {
        case "Version": .field(.string(version))
        case "Major": .field(.string(parts.major))
        case "Minor": .field(.string(parts.minor))
        case "GitVersion", "String": .method(GoFunction(name) { _, _ in .string(version) })
        default: nil
        }
    }

    var stringValue: String? { version }

    var jsonValue: GoValue { .map(GoMap(["Version": .string(version), "Major": .string(parts.major), "Minor": .string(parts.minor)])) }
}
