/// Go's predefined template functions (`and`, `or`, `not`, `len`, `index`, `slice`, `print*`, `html`, `js`,
/// `urlquery`, comparisons, `call`). They are found after the library's functions, as in Go.
enum Builtins {
    static let table: [String: GoFunction] = {
        var table: [String: GoFunction] = [:]
        func add(_ function: GoFunction) { table[function.name] = function }
        add(GoFunction(builtin: "and", [.value], variadic: .value, special: .and))
        add(GoFunction(builtin: "or", [.value], variadic: .value, special: .or))
        add(GoFunction(builtin: "call", [.value], variadic: .value, special: .call))
        add(GoFunction("not", [.value]) { arguments, _ in .bool(!arguments[0].isTruthy) })
        add(GoFunction("len", [.value]) { arguments, _ in try length(arguments[0]) })
        add(GoFunction("index", [.value], variadic: .value) { arguments, _ in try index(arguments[0], Array(arguments.dropFirst())) })
        add(GoFunction("slice", [.value], variadic: .value) { arguments, _ in try slice(arguments[0], Array(arguments.dropFirst())) })
        add(GoFunction("print", variadic: .any) { arguments, _ in .string(GoFormatter.sprint(arguments)) })
        add(GoFunction("println", variadic: .any) { arguments, _ in .string(GoFormatter.sprintln(arguments)) })
        add(GoFunction("printf", [.string], variadic: .any) { arguments, _ in
            .string(GoFormatter.sprintf(arguments[0].asString ?? "", Array(arguments.dropFirst())))
        })
        add(GoFunction("html", variadic: .any) { arguments, _ in .string(Escaping.html(evalArgs(arguments))) })
        add(GoFunction("js", variadic: .any) { arguments, _ in .string(Escaping.javaScript(evalArgs(arguments))) })
        add(GoFunction("urlquery", variadic: .any) { arguments, _ in .string(Escaping.queryEscape(evalArgs(arguments))) })
        add(GoFunction("eq", [.value], variadic: .value) { arguments, _ in
            .bool(try Comparison.equal(arguments[0], Array(arguments.dropFirst())))
        })
        add(GoFunction("ne", [.value, .value]) { arguments, _ in .bool(!(try Comparison.equal(arguments[0], [arguments[1]]))) })
        add(GoFunction("lt", [.value, .value]) { arguments, _ in .bool(try Comparison.less(arguments[0], arguments[1])) })
        add(GoFunction("le", [.value, .value]) { arguments, _ in .bool(try Comparison.lessOrEqual(arguments[0], arguments[1])) })
        add(GoFunction("gt", [.value, .value]) { arguments, _ in .bool(!(try Comparison.lessOrEqual(arguments[0], arguments[1]))) })
        add(GoFunction("ge", [.value, .value]) { arguments, _ in .bool(!(try Comparison.less(arguments[0], arguments[1]))) })
        return table
    }()

    /// Go's `evalArgs`: one string argument as is, otherwise `fmt.Sprint` with nil shown as `<no value>`.
    static func evalArgs(_ arguments: [GoValue]) -> String {
        if arguments.count == 1, let string = arguments[0].asString { return string }
        return GoFormatter.sprint(arguments.map { $0.isNilInterface ? .string("<no value>") : $0 })
    }

    static func length(_ item: GoValue) throws -> GoValue {
        switch item {
        case .noValue: throw GoFunctionError("reflect: call of reflect.Value.Type on zero Value")
        case .null: throw GoFunctionError("len of nil pointer")
        case .string(let string): return .int(string.utf8.count)
        case .list(let list): return .int(list.count)
        case .map(let map): return .int(map.count)
        case .object(let object) where object.isNil: throw GoFunctionError("len of nil pointer")
        default: throw GoFunctionError("len of type \(item.goType?.name ?? "<nil>")")
        }
    }

    private static func indexArgument(_ index: GoValue, limit: Int) throws -> Int {
        let value: Int64
        switch index {
        case .int, .int64, .uint8: value = index.integerValue!
        case .noValue, .null: throw GoFunctionError("cannot index slice/array with nil")
        default: throw GoFunctionError("cannot index slice/array with type \(index.goType?.name ?? "<nil>")")
        }
        if value < 0 || value > Int64(limit) { throw GoFunctionError("index out of range: \(value)") }
        return Int(value)
    }

    static func index(_ item: GoValue, _ indexes: [GoValue]) throws -> GoValue {
        var item = item
        if item.isNilInterface { throw GoFunctionError("index of untyped nil") }
        for index in indexes {
            if item.isNil { throw GoFunctionError("index of nil pointer") }
            switch item {
            case .list(let list):
                let position = try indexArgument(index, limit: list.count)
                if position == list.count { throw GoFunctionError("reflect: slice index out of range") }
                item = list.elements[position]
            case .string(let string):
                let bytes = Array(string.utf8)
                let position = try indexArgument(index, limit: bytes.count)
                if position == bytes.count { throw GoFunctionError("reflect: string index out of range") }
                item = .uint8(bytes[position])
            case .map(let map):
                guard case .string(let key) = index else {
                    if index.isNilInterface { throw GoFunctionError("value is nil; should be of type string") }
                    throw GoFunctionError("value has type \(index.goType?.name ?? "<nil>"); should be string")
                }
                item = map[key] ?? map.elementType.zeroValue
            default:
                throw GoFunctionError("can't index item of type \(item.goType?.name ?? "<nil>")")
            }
        }
        return item
    }

    static func slice(_ item: GoValue, _ indexes: [GoValue]) throws -> GoValue {
        if item.isNilInterface { throw GoFunctionError("slice of untyped nil") }
        if indexes.count > 3 { throw GoFunctionError("too many slice indexes: \(indexes.count)") }
        let length: Int
        switch item {
        case .string(let string):
            if indexes.count == 3 { throw GoFunctionError("cannot 3-index slice a string") }
            length = string.utf8.count
        case .list(let list):
            length = list.count
        default:
            throw GoFunctionError("can't slice item of type \(item.goType?.name ?? "<nil>")")
        }
        var bounds = [0, length, length]
        for (position, index) in indexes.enumerated() {
            bounds[position] = try indexArgument(index, limit: length)
        }
        if bounds[0] > bounds[1] { throw GoFunctionError("invalid slice index: \(bounds[0]) > \(bounds[1])") }
        if indexes.count == 3 && bounds[1] > bounds[2] { throw GoFunctionError("invalid slice index: \(bounds[1]) > \(bounds[2])") }
        switch item {
        case .string(let string):
            return .string(String(decoding: Array(string.utf8)[bounds[0]..<bounds[1]], as: UTF8.self))
        case .list(let list):
            return .list(GoList(Array(list.elements[bounds[0]..<bounds[1]]), elementType: list.elementType))
        default:
            return item
        }
    }

    /// Go's `call` builtin: invokes a function value with Go's argument rules.
    static func call(name: String, _ arguments: [GoValue], context: ExecutionContext) throws -> GoValue {
        let callee = arguments[0]
        if callee.isNilInterface { throw GoFunctionError("call of nil") }
        guard case .object(let object) = callee, let function = (object as? GoFunctionValue)?.function else {
            throw GoFunctionError("non-function \(name) of type \(callee.goType?.name ?? "<nil>")")
        }
        let values = Array(arguments.dropFirst())
        let fixed = function.parameters.count
        if function.variadic != nil {
            if values.count < fixed {
                throw GoFunctionError("wrong number of args for \(name): got \(values.count) want at least \(fixed)")
            }
        } else if values.count != fixed {
            throw GoFunctionError("wrong number of args for \(name): got \(values.count) want \(fixed)")
        }
        var converted: [GoValue] = []
        for (position, value) in values.enumerated() {
            let type = position < fixed ? function.parameters[position] : function.variadic!
            if value.isNilInterface {
                guard type.acceptsNil else { throw GoFunctionError("arg \(position): value is nil; should be of type \(type.typeName)") }
                converted.append(type == .value ? .noValue : .null)
            } else if value.isAssignable(to: type) {
                converted.append(value)
            } else if type == .int, let integer = value.integerValue {
                converted.append(.int(Int(integer)))
            } else if type == .int64, let integer = value.integerValue {
                converted.append(.int64(integer))
            } else {
                throw GoFunctionError("arg \(position): value has type \(value.goType?.name ?? "<nil>"); should be \(type.typeName)")
            }
        }
        return try function.body(converted, context)
    }
}
