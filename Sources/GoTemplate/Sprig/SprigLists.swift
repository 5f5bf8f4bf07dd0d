/// Sprig's list functions (`list.go`). The plain forms panic where the `must` forms return an error;
/// text/template reports both the same way, so they share one implementation.
enum SprigLists {
    static let functions: [GoFunction] = [
        GoFunction("list", variadic: .any) { a, _ in .list(GoList(a)) },
        GoFunction("tuple", variadic: .any) { a, _ in .list(GoList(a)) },
        GoFunction("append", [.any, .any]) { a, _ in try push(a) },
        GoFunction("push", [.any, .any]) { a, _ in try push(a) },
        GoFunction("mustAppend", [.any, .any]) { a, _ in try push(a) },
        GoFunction("mustPush", [.any, .any]) { a, _ in try push(a) },
        GoFunction("prepend", [.any, .any]) { a, _ in try prepend(a) },
        GoFunction("mustPrepend", [.any, .any]) { a, _ in try prepend(a) },
        GoFunction("chunk", [.int, .any]) { a, _ in try chunk(a) },
        GoFunction("mustChunk", [.int, .any]) { a, _ in try chunk(a) },
        GoFunction("first", [.any]) { a, _ in try first(a) },
        GoFunction("mustFirst", [.any]) { a, _ in try first(a) },
        GoFunction("last", [.any]) { a, _ in try last(a) },
        GoFunction("mustLast", [.any]) { a, _ in try last(a) },
        GoFunction("rest", [.any]) { a, _ in try rest(a) },
        GoFunction("mustRest", [.any]) { a, _ in try rest(a) },
        GoFunction("initial", [.any]) { a, _ in try initial(a) },
        GoFunction("mustInitial", [.any]) { a, _ in try initial(a) },
        GoFunction("reverse", [.any]) { a, _ in try reverse(a) },
        GoFunction("mustReverse", [.any]) { a, _ in try reverse(a) },
        GoFunction("compact", [.any]) { a, _ in try compact(a) },
        GoFunction("mustCompact", [.any]) { a, _ in try compact(a) },
        GoFunction("uniq", [.any]) { a, _ in try uniq(a) },
        GoFunction("mustUniq", [.any]) { a, _ in try uniq(a) },
        GoFunction("without", [.any], variadic: .any) { a, _ in try without(a) },
        GoFunction("mustWithout", [.any], variadic: .any) { a, _ in try without(a) },
        GoFunction("has", [.any, .any]) { a, _ in try has(a) },
        GoFunction("mustHas", [.any, .any]) { a, _ in try has(a) },
        GoFunction("slice", [.any], variadic: .any) { a, _ in try slice(a) },
        GoFunction("mustSlice", [.any], variadic: .any) { a, _ in try slice(a) },
        GoFunction("concat", variadic: .any) { a, _ in
            var elements: [GoValue] = []
            for value in a {
                elements += try elementsOf(value, orFail: { "Cannot concat type \($0) as list" })
            }
            return .list(GoList(elements))
        },
        GoFunction("until", [.int]) { a, context in
            let count = a.int(0)
            return try integers(from: 0, to: count, step: count < 0 ? -1 : 1, context: context)
        },
        GoFunction("untilStep", [.int, .int, .int]) { a, context in
            try integers(from: a.int(0), to: a.int(1), step: a.int(2), context: context)
        },
        GoFunction("seq", variadic: .int) { a, context in
            let parameters = a.map { Int($0.integerValue ?? 0) }
            let range: (Int, Int, Int)
            switch parameters.count {
            case 1:
                let end = parameters[0], step = end < 1 ? -1 : 1
                range = (1, end + step, step)
            case 2:
                let step = parameters[1] < parameters[0] ? -1 : 1
                range = (parameters[0], parameters[1] + step, step)
            case 3:
                let (start, step, end) = (parameters[0], parameters[1], parameters[2])
                if end < start && step > 0 { return "" }
                range = (start, end + (end < start ? -1 : 1), step)
            default:
                return ""
            }
            guard case .list(let list) = try integers(from: range.0, to: range.1, step: range.2, context: context) else { return "" }
            return .string(list.elements.map(GoFormatter.string).joined(separator: " "))
        },
    ]

    /// The elements of a slice argument, or Sprig's error for anything else (a nil argument panics in
    /// `reflect.TypeOf(nil).Kind()`, which text/template reports as a nil dereference).
    static func elementsOf(_ value: GoValue, orFail message: (String) -> String) throws -> [GoValue] {
        switch value {
        case .list(let list): return list.elements
        case .noValue, .null: throw GoFunctionError("runtime error: invalid memory address or nil pointer dereference")
        default: throw GoFunctionError(message(GoCast.kindName(value)))
        }
    }

    private static func push(_ a: [GoValue]) throws -> GoValue {
        var elements = try elementsOf(a[0], orFail: { "Cannot push on type \($0)" })
        elements.append(a[1])
        return .list(GoList(elements))
    }

    private static func prepend(_ a: [GoValue]) throws -> GoValue {
        .list(GoList([a[1]] + (try elementsOf(a[0], orFail: { "Cannot prepend on type \($0)" }))))
    }

    private static func chunk(_ a: [GoValue]) throws -> GoValue {
        let elements = try elementsOf(a[1], orFail: { "Cannot chunk type \($0)" })
        let size = a.int(0)
        if size <= 0 { throw GoFunctionError("runtime error: integer divide by zero") }
        var chunks: [GoValue] = []
        var start = 0
        while start < elements.count {
            chunks.append(.list(GoList(Array(elements[start..<min(start + size, elements.count)]))))
            start += size
        }
        return .list(GoList(chunks, elementType: .genericList))
    }

    private static func first(_ a: [GoValue]) throws -> GoValue {
        try elementsOf(a[0], orFail: { "Cannot find first on type \($0)" }).first ?? .null
    }

    private static func last(_ a: [GoValue]) throws -> GoValue {
        try elementsOf(a[0], orFail: { "Cannot find last on type \($0)" }).last ?? .null
    }

    private static func rest(_ a: [GoValue]) throws -> GoValue {
        .list(GoList(Array(try elementsOf(a[0], orFail: { "Cannot find rest on type \($0)" }).dropFirst())))
    }

    private static func initial(_ a: [GoValue]) throws -> GoValue {
        .list(GoList(Array(try elementsOf(a[0], orFail: { "Cannot find initial on type \($0)" }).dropLast())))
    }

    private static func reverse(_ a: [GoValue]) throws -> GoValue {
        .list(GoList(try elementsOf(a[0], orFail: { "Cannot find reverse on type \($0)" }).reversed()))
    }

    private static func compact(_ a: [GoValue]) throws -> GoValue {
        .list(GoList(try elementsOf(a[0], orFail: { "Cannot compact on type \($0)" }).filter { !GoCast.isEmpty($0) }))
    }

    private static func uniq(_ a: [GoValue]) throws -> GoValue {
        var result: [GoValue] = []
        for element in try elementsOf(a[0], orFail: { "Cannot find uniq on type \($0)" }) where !result.contains(where: { $0.deepEquals(element) }) {
            result.append(element)
        }
        return .list(GoList(result))
    }

    private static func without(_ a: [GoValue]) throws -> GoValue {
        let omit = a.dropFirst()
        let elements = try elementsOf(a[0], orFail: { "Cannot find without on type \($0)" })
        return .list(GoList(elements.filter { element in !omit.contains(where: { $0.deepEquals(element) }) }))
    }

    private static func has(_ a: [GoValue]) throws -> GoValue {
        if a[1].isNilInterface { return false }
        let elements = try elementsOf(a[1], orFail: { "Cannot find has on type \($0)" })
        return .bool(elements.contains(where: { $0.deepEquals(a[0]) }))
    }

    private static func slice(_ a: [GoValue]) throws -> GoValue {
        guard case .list(let list) = a[0] else {
            _ = try elementsOf(a[0], orFail: { "list should be type of slice or array but \($0)" })
            return .null
        }
        if list.elements.isEmpty { return .null }
        let start = a.count > 1 ? GoCast.toInt(a[1]) : 0
        let end = a.count > 2 ? GoCast.toInt(a[2]) : list.count
        guard start >= 0, start <= end, end <= list.count else {
            throw GoFunctionError("reflect.Value.Slice: slice index out of bounds")
        }
        return .list(GoList(Array(list.elements[start..<end]), elementType: list.elementType))
    }

    /// Sprig's `untilStep`: a `[]int` from `start` towards `stop` (exclusive) by `step`.
    private static func integers(from start: Int, to stop: Int, step: Int, context: ExecutionContext) throws -> GoValue {
        if step == 0 || (stop < start) != (step < 0) { return .list(GoList([], elementType: .int)) }
        let count = (stop - start + step + (step > 0 ? -1 : 1)) / step
        try context.checkSize(count.multipliedReportingOverflow(by: MemoryLayout<GoValue>.stride).partialValue)
        return .list(GoList(stride(from: start, to: stop, by: step).map { .int($0) }, elementType: .int))
    }
}
