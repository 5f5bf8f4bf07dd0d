/// Sprig's path functions: `path` and, on Linux where they agree, `filepath`.
enum SprigPaths {
    static let functions: [GoFunction] = [
        ("base", GoPath.base), ("dir", GoPath.dir), ("clean", GoPath.clean), ("ext", GoPath.ext),
        ("osBase", GoPath.base), ("osDir", GoPath.dir), ("osClean", GoPath.clean), ("osExt", GoPath.ext),
    ].map { name, transform in
        GoFunction(name, [.string]) { a, _ in .string(transform(a.string(0))) }
    } + [
        GoFunction("isAbs", [.string]) { a, _ in .bool(a.string(0).hasPrefix("/")) },
        GoFunction("osIsAbs", [.string]) { a, _ in .bool(a.string(0).hasPrefix("/")) },
    ]
}
