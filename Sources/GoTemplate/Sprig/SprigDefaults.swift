/// Sprig's defaults, JSON and flow-control functions (`defaults.go`, `fail`).
enum SprigDefaults {
    static let functions: [GoFunction] = [
        GoFunction("default", [.any], variadic: .any) { a, _ in
            a.count < 2 || GoCast.isEmpty(a[1]) ? a[0] : a[1]
        },
        GoFunction("empty", [.any]) { a, _ in .bool(GoCast.isEmpty(a[0])) },
        GoFunction("coalesce", variadic: .any) { a, _ in a.first { !GoCast.isEmpty($0) } ?? .null },
        GoFunction("all", variadic: .any) { a, _ in .bool(a.allSatisfy { !GoCast.isEmpty($0) }) },
        GoFunction("any", variadic: .any) { a, _ in .bool(a.contains { !GoCast.isEmpty($0) }) },
        GoFunction("ternary", [.any, .any, .bool]) { a, _ in a.bool(2) ? a[0] : a[1] },
        GoFunction("fromJson", [.string]) { a, _ in (try? GoJSON.decode(a.string(0))) ?? .null },
        GoFunction("mustFromJson", [.string]) { a, _ in try GoJSON.decode(a.string(0)) },
        GoFunction("toJson", [.any]) { a, _ in .string((try? GoJSON.encode(a[0])) ?? "") },
        GoFunction("mustToJson", [.any]) { a, _ in .string(try GoJSON.encode(a[0])) },
        GoFunction("toPrettyJson", [.any]) { a, _ in .string((try? GoJSON.encode(a[0], indent: "  ")) ?? "") },
        GoFunction("mustToPrettyJson", [.any]) { a, _ in .string(try GoJSON.encode(a[0], indent: "  ")) },
        GoFunction("toRawJson", [.any]) { a, _ in .string((try? GoJSON.encode(a[0], escapeHTML: false)) ?? "") },
        GoFunction("mustToRawJson", [.any]) { a, _ in .string(try GoJSON.encode(a[0], escapeHTML: false)) },
        GoFunction("fail", [.string]) { a, _ in throw GoFunctionError(a.string(0)) },
    ]
}
