/// Sprig's type inspection (`reflect.go`) and `deepEqual`.
enum SprigReflection {
    static let functions: [GoFunction] = [
        GoFunction("typeOf", [.any]) { a, _ in .string(GoFormatter.sprintf("%T", [a[0]])) },
        GoFunction("typeIs", [.string, .any]) { a, _ in .bool(a.string(0) == GoFormatter.sprintf("%T", [a[1]])) },
        GoFunction("typeIsLike", [.string, .any]) { a, _ in
            let type = GoFormatter.sprintf("%T", [a[1]])
            return .bool(a.string(0) == type || "*" + a.string(0) == type)
        },
        GoFunction("kindOf", [.any]) { a, _ in .string(GoCast.kindName(a[0])) },
        GoFunction("kindIs", [.string, .any]) { a, _ in .bool(a.string(0) == GoCast.kindName(a[1])) },
        GoFunction("deepEqual", [.any, .any]) { a, _ in .bool(a[0].deepEquals(a[1])) },
    ]
}
