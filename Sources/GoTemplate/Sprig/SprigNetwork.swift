/// Sprig's URL functions and `getHostByName`.
enum SprigNetwork {
    static let functions: [GoFunction] = [
        GoFunction("urlParse", [.string]) { a, _ in
            let url: GoURL
            do {
                url = try GoURL.parse(a.string(0))
            } catch {
                throw GoFunctionError("unable to parse url: \(error)")
            }
            return .map(GoMap([
                "scheme": .string(url.scheme), "host": .string(url.host), "hostname": .string(url.hostname),
                "path": .string(url.path), "query": .string(url.rawQuery), "opaque": .string(url.opaque),
                "fragment": .string(url.fragment), "userinfo": .string(url.userinfo),
            ]))
        },
        GoFunction("urlJoin", [.map]) { a, _ in
            func part(_ key: String) throws -> String {
                let value = a.map(0)?[key] ?? ""
                guard case .string(let string) = value else {
                    throw GoFunctionError("interface conversion: interface {} is \(value.goType?.name ?? "nil"), not string")
                }
                return string
            }
            let url = GoURL(
                scheme: try part("scheme"), opaque: try part("opaque"), userinfo: try part("userinfo"), host: try part("host"),
                path: try part("path"), rawQuery: try part("query"), fragment: try part("fragment"))
            return .string(url.string)
        },
        // Rendering must not depend on the network; Sprig returns "" when the lookup fails.
        GoFunction("getHostByName", [.string]) { _, _ in "" },
    ]
}
