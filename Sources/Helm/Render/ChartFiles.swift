import KubeModel
import GoTemplate

/// `.Files`: a chart's non-template files, with Helm's `Get`, `GetBytes`, `Glob`, `Lines`, `AsConfig`
/// and `AsSecrets`.
struct ChartFiles: GoObject {
    let files: [String: [UInt8]]

    var goType: GoType { GoType(name: "engine.files", kind: .map) }

    /// `range` over `.Files` (or a `Glob` result) visits each path with its bytes, as over Go's map.
    var rangeEntries: [(key: String, value: GoValue)]? {
        files.keys.sorted().map { path in (path, Self.bytes(files[path]!)) }
    }

    /// A Go `[]byte`.
    private static func bytes(_ data: [UInt8]) -> GoValue { .list(GoList(data.map { .uint8($0) }, elementType: .uint8)) }

    func member(named name: String) -> GoMember? {
        let files = files
        func method(_ parameters: [GoParameterType], _ body: @escaping @Sendable ([GoValue]) throws -> GoValue) -> GoMember {
            .method(GoFunction(name, parameters) { arguments, _ in try body(arguments) })
        }
        @Sendable func path(_ arguments: [GoValue]) -> String { if case .string(let path) = arguments[0] { return path } else { return "" } }
        switch name {
        case "Get":
            return method([.string]) { a in .string(files[path(a)].map { String(decoding: $0, as: UTF8.self) } ?? "") }
        case "GetBytes":
            return method([.string]) { a in Self.bytes(files[path(a)] ?? []) }
        case "Lines":
            return method([.string]) { a in
                guard let data = files[path(a)] else { return .list(.strings([])) }
                var text = String(decoding: data, as: UTF8.self)
                if text.hasSuffix("\n") { text.removeLast() }
                return .list(.strings(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)))
            }
        case "Glob":
            return method([.string]) { a in
                // Helm compiles these with gobwas/glob: `{a,b}` alternatives work.
                let pattern = Glob(path(a), braces: true)
                return .object(ChartFiles(files: files.filter { pattern.matches($0.key) }))
            }
        case "AsConfig":
            return method([]) { _ in .string(try yaml(files.mapValues { .string(String(decoding: $0, as: UTF8.self)) })) }
        case "AsSecrets":
            return method([]) { _ in .string(try yaml(files.mapValues { .string(base64($0)) })) }
        default:
            return nil
        }
    }

    /// Helm's `toYAML` of a map keyed by base names.
    private func yaml(_ entries: [String: GoValue]) throws -> String {
        var byBase: [String: GoValue] = [:]
        for (path, value) in entries { byBase[String(path.split(separator: "/").last ?? "")] = value }
        var text = try GoYAMLEncoder.encode(.map(GoMap(byBase, elementType: .string)))
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    private func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value = 0
            for byte in chunk { value = value << 8 | Int(byte) }
            value <<= 8 * (3 - chunk.count)
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : "=")
            }
            index += 3
        }
        return output
    }

    var defaultFormat: String { "map[" + files.keys.sorted().map { "\($0):\(files[$0]!)" }.joined(separator: " ") + "]" }
}
