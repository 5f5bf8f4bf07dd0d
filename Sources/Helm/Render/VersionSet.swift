import GoTemplate

/// `.Capabilities.APIVersions`: a list of API versions with `Has`.
struct VersionSet: GoObject, GoJSONEncodable {
    let versions: [String]

    var goType: GoType { GoType(name: "common.VersionSet", kind: .slice) }

    func member(named name: String) -> GoMember? {
        guard name == "Has" else { return nil }
        let versions = versions
        return .method(GoFunction("Has", [.string]) { a, _ in
            guard case .string(let version) = a[0] else { return false }
            return .bool(versions.contains(version))
        })
    }

    var defaultFormat: String { "[" + versions.joined(separator: " ") + "]" }

    var jsonValue: GoValue { .list(.strings(versions)) }
}
