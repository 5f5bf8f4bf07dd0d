/// Executes one template: Go's `text/template` evaluation state (`exec.go`), node by node, with Go's
/// argument checking, variable scoping, truth, printing and error messages.
final class Executor {
    let set: TemplateSet
    let template: ParsedTemplate
    let options: ExecutionOptions
    private let depth: Int
    private let budget: StepBudget
    private var output = ""
    private var variables: [(name: String, operand: Operand)] = []
    /// The node being evaluated, for error locations. Unowned: the templates of `set` own every node
    /// evaluation reaches, and setting it happens several times per action.
    private unowned(unsafe) var node: (any Node)?
    private var currentTemplate: ParsedTemplate
    private var currentDepth: Int
    private lazy var context = ExecutionContext(executor: self)

    var currentTemplateName: String { currentTemplate.name }

    private enum Flow {
        case normal
        case breakLoop
        case continueLoop
    }

    init(set: TemplateSet, template: ParsedTemplate, options: ExecutionOptions, depth: Int, budget: StepBudget) {
        self.set = set
        self.template = template
        self.options = options
        self.depth = depth
        self.budget = budget
        currentTemplate = template
        currentDepth = depth
    }

    func run(data: GoValue) throws(ExecutionFailure) -> String {
        variables = [("$", Operand(data))]
        _ = try walk(Operand(data), template.root)
        return output
    }

    /// Runs another template of `set` as a separate execution one level deeper (Helm's `include`/`tpl`).
    func executeNested(name: String, data: GoValue, in set: TemplateSet) throws(TemplateError) -> String {
        guard let nested = set.template(named: name) else { throw TemplateError.missingTemplate(name, setName: set.name) }
        if currentDepth + 1 >= options.limits.maxTemplateDepth {
            throw limitFailure("exceeded maximum template depth (\(options.limits.maxTemplateDepth))").error
        }
        let executor = Executor(set: set, template: nested, options: options, depth: currentDepth + 1, budget: budget)
        do {
            return try executor.run(data: data)
        } catch {
            throw error.error
        }
    }

    // MARK: - Errors

    private func at(_ node: any Node) { self.node = node }

    private func failure(_ reason: String) -> ExecutionFailure {
        located(reason, make: TemplateError.execution)
    }

    /// A failure at one of the limits: it passes through `include` and `tpl` unwrapped, so the message
    /// names the innermost place once instead of every level of a runaway recursion.
    private func limitFailure(_ reason: String) -> ExecutionFailure {
        located(reason, make: TemplateError.limit)
    }

    private func located(
        _ reason: String, make: (_ sourceName: String, _ line: Int?, _ column: Int?, _ templateName: String, _ context: String?, _ reason: String) -> TemplateError
    ) -> ExecutionFailure {
        let template = currentTemplate
        guard let node else {
            return ExecutionFailure(error: make(template.name, nil, nil, template.name, nil, reason))
        }
        let (line, column) = template.source.location(of: node.position)
        return ExecutionFailure(error: make(template.source.name, line, column, template.name, node.sourceText, reason))
    }

    /// Counts one step against ``TemplateLimits/maxSteps`` and checks the stack: every nesting of
    /// statements, templates and `include`/`tpl` executions passes here.
    private func step() throws(ExecutionFailure) {
        budget.remaining -= 1
        if budget.remaining < 0 { throw limitFailure("exceeded the limit of \(options.limits.maxSteps) steps") }
        if let stack = options.stack, stack.isExceeded {
            throw located("exceeded the stack available to templates", make: TemplateError.stack)
        }
    }

    // MARK: - Output

    private func write(_ text: String) throws(ExecutionFailure) {
        output += text
        if output.utf8.count > options.limits.maxOutputBytes {
            throw limitFailure("output exceeds the limit of \(options.limits.maxOutputBytes) bytes")
        }
    }

    // MARK: - Variables

    private func push(_ name: String, _ operand: Operand) { variables.append((name, operand)) }

    private func pop(to mark: Int) {
        // Most `if`s and `with`s declare nothing: leave the array untouched then.
        if variables.count > mark { variables.removeSubrange(mark...) }
    }

    private func setVariable(_ name: String, _ operand: Operand) throws(ExecutionFailure) {
        for index in variables.indices.reversed() where variables[index].name == name {
            variables[index].operand = operand
            return
        }
        throw failure("undefined variable: \(name)")
    }

    private func variable(_ name: String) throws(ExecutionFailure) -> Operand {
        for index in variables.indices.reversed() where variables[index].name == name {
            return variables[index].operand
        }
        throw failure("undefined variable: \(name)")
    }

    // MARK: - Walking

    private func walk(_ dot: Operand, _ list: ListNode) throws(ExecutionFailure) -> Flow {
        for statement in list.nodes {
            let flow = try walk(dot, statement)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    private func walk(_ dot: Operand, _ statement: StatementNode) throws(ExecutionFailure) -> Flow {
        try step()
        switch statement {
        case .text(let text):
            at(text)
            try write(text.text)
        case .action(let action):
            at(action)
            let value = try evalPipeline(dot, action.pipe)
            if action.pipe.declarations.isEmpty { try printValue(action, value) }
        case .branch(let branch):
            at(branch)
            switch branch.kind {
            case .ifBranch, .with: return try walkIfOrWith(dot, branch)
            case .rangeLoop: try walkRange(dot, branch)
            }
        case .template(let call):
            try walkTemplate(dot, call)
        case .loopControl(let control):
            return control.isBreak ? .breakLoop : .continueLoop
        case .comment:
            break
        }
        return .normal
    }

    private func walkIfOrWith(_ dot: Operand, _ branch: BranchNode) throws(ExecutionFailure) -> Flow {
        let mark = variables.count
        defer { pop(to: mark) }
        let value = try evalPipeline(dot, branch.pipe)
        if value.isTruthy {
            return try walk(branch.kind == .with ? Operand(value) : dot, branch.list)
        } else if let elseList = branch.elseList {
            return try walk(dot, elseList)
        }
        return .normal
    }

    private func walkRange(_ dot: Operand, _ branch: BranchNode) throws(ExecutionFailure) {
        at(branch)
        let outerMark = variables.count
        defer { pop(to: outerMark) }
        let value = try evalPipeline(dot, branch.pipe)
        let mark = variables.count
        let declarations = branch.pipe.declarations
        // Returns false when the body breaks out of the loop.
        func iterate(index: Operand, element: Operand) throws(ExecutionFailure) -> Bool {
            at(branch)
            try step()
            if !declarations.isEmpty {
                if branch.pipe.isAssign {
                    try setVariable(declarations[0].names[0], declarations.count > 1 ? index : element)
                } else {
                    variables[variables.count - 1].operand = element
                }
            }
            if declarations.count > 1 {
                if branch.pipe.isAssign {
                    try setVariable(declarations[1].names[0], element)
                } else {
                    variables[variables.count - 2].operand = index
                }
            }
            defer { pop(to: mark) }
            let flow = try walk(element, branch.list)
            if case .breakLoop = flow { return false }
            return true
        }
        switch value {
        case .int, .int64, .uint8:
            if declarations.count > 1 {
                throw failure("can't use \(GoFormatter.string(value)) to iterate over more than one variable")
            }
            let count = value.integerValue ?? 0
            if count > 0 {
                for counter in 0..<count {
                    let element: GoValue
                    switch value {
                    case .int64: element = .int64(counter)
                    case .uint8: element = .uint8(UInt8(counter))
                    default: element = .int(Int(counter))
                    }
                    if try !iterate(index: .noValue, element: Operand(element)) { break }
                }
                return
            }
        case .list(let list):
            if !list.elements.isEmpty {
                let boxed = list.elementType == .interface
                for (index, element) in list.elements.enumerated() {
                    if try !iterate(index: Operand(.int(index)), element: Operand(element, boxed: boxed)) { break }
                }
                return
            }
        case .map(let map):
            let entries = map.sortedEntries
            if !entries.isEmpty {
                let boxed = map.holdsInterfaces
                for entry in entries {
                    if try !iterate(index: Operand(.string(entry.key)), element: Operand(entry.value, boxed: boxed)) { break }
                }
                return
            }
        case .object(let object) where object.rangeEntries != nil:
            for entry in object.rangeEntries! {
                if try !iterate(index: Operand(.string(entry.key)), element: Operand(entry.value)) { break }
            }
            return
        case .noValue, .null:
            break
        default:
            throw failure("range can't iterate over \(GoFormatter.string(value))")
        }
        if let elseList = branch.elseList {
            _ = try walk(dot, elseList)
        }
    }

    private func walkTemplate(_ dot: Operand, _ call: TemplateCallNode) throws(ExecutionFailure) {
        at(call)
        guard let target = set.template(named: call.name) else {
            throw failure("template \(GoQuote.quote(call.name)) not defined")
        }
        if currentDepth == options.limits.maxTemplateDepth {
            throw limitFailure("exceeded maximum template depth (\(options.limits.maxTemplateDepth))")
        }
        let newDot = try call.pipe.map { pipe throws(ExecutionFailure) in try evalPipeline(dot, pipe) } ?? .noValue
        let savedVariables = variables
        let savedTemplate = currentTemplate
        variables = [("$", Operand(newDot))]
        currentTemplate = target
        currentDepth += 1
        defer {
            variables = savedVariables
            currentTemplate = savedTemplate
            currentDepth -= 1
        }
        _ = try walk(Operand(newDot), target.root)
    }

    // MARK: - Pipelines and commands

    private func evalPipeline(_ dot: Operand, _ pipe: PipeNode) throws(ExecutionFailure) -> GoValue {
        at(pipe)
        var value: Operand?
        for command in pipe.commands {
            var result = try evalCommand(dot, command, final: value)
            if result.boxed {
                if case .null = result.value { result.value = .noValue }
                result.boxed = false
            }
            value = result
        }
        let final = value?.value ?? .noValue
        for declaration in pipe.declarations {
            if pipe.isAssign {
                try setVariable(declaration.names[0], Operand(final))
            } else {
                push(declaration.names[0], Operand(final))
            }
        }
        return final
    }

    private func notAFunction(_ arguments: [OperandNode], _ final: Operand?) throws(ExecutionFailure) {
        if arguments.count > 1 || final != nil {
            throw failure("can't give argument to non-function \(arguments[0].node.sourceText)")
        }
    }

    private func evalCommand(_ dot: Operand, _ command: CommandNode, final: Operand?) throws(ExecutionFailure) -> Operand {
        let first = command.arguments[0]
        switch first {
        case .field(let field):
            return try evalFieldNode(dot, field, arguments: command.arguments, final: final)
        case .chain(let chain):
            return try evalChainNode(dot, chain, arguments: command.arguments, final: final)
        case .identifier(let identifier):
            return try evalFunction(dot, identifier, command: command, arguments: command.arguments, final: final)
        case .pipe(let pipe):
            try notAFunction(command.arguments, final)
            return Operand(try evalPipeline(dot, pipe))
        case .variable(let variable):
            return try evalVariableNode(dot, variable, arguments: command.arguments, final: final)
        default:
            break
        }
        at(first.node)
        try notAFunction(command.arguments, final)
        switch first {
        case .bool(let bool): return Operand(.bool(bool.value))
        case .dot: return dot
        case .nilLiteral: throw failure("nil is not a command")
        case .number(let number): return Operand(try idealConstant(number))
        case .string(let string): return Operand(.string(string.value))
        default: throw failure("can't evaluate command \(GoQuote.quote(first.node.sourceText))")
        }
    }

    private func idealConstant(_ number: NumberNode) throws(ExecutionFailure) -> GoValue {
        at(number)
        let text = number.text
        let isHexInt = text.utf8.count > 2 && text.hasPrefix("0") && (text.dropFirst().first == "x" || text.dropFirst().first == "X") && !text.contains(where: { $0 == "p" || $0 == "P" })
        let isRuneInt = text.hasPrefix("'")
        if number.isFloat && !isHexInt && !isRuneInt && text.contains(where: { ".eEpP".contains($0) }) {
            return .float64(number.float)
        }
        if number.isInt { return .int(Int(number.int)) }
        if number.isUint { throw failure("\(text) overflows int") }
        return .noValue
    }

    private func evalFieldNode(_ dot: Operand, _ field: FieldNode, arguments: [OperandNode]?, final: Operand?) throws(ExecutionFailure) -> Operand {
        at(field)
        return try evalFieldChain(dot, receiver: dot, node: field, names: field.names[...], arguments: arguments, final: final)
    }

    private func evalChainNode(_ dot: Operand, _ chain: ChainNode, arguments: [OperandNode]?, final: Operand?) throws(ExecutionFailure) -> Operand {
        at(chain)
        if case .nilLiteral = chain.base { throw failure("indirection through explicit nil in \(chain.sourceText)") }
        let base = try evalArgument(dot, nil, chain.base)
        return try evalFieldChain(dot, receiver: Operand(base, boxed: base.isNilInterface), node: chain, names: chain.names[...], arguments: arguments, final: final)
    }

    private func evalVariableNode(_ dot: Operand, _ variable: VariableNode, arguments: [OperandNode]?, final: Operand?) throws(ExecutionFailure) -> Operand {
        at(variable)
        let value = try self.variable(variable.names[0])
        if variable.names.count == 1 {
            try notAFunction(arguments ?? [.variable(variable)], final)
            return value
        }
        return try evalFieldChain(dot, receiver: value, node: variable, names: variable.names[1...], arguments: arguments, final: final)
    }

    private func evalFieldChain(_ dot: Operand, receiver: Operand, node: any Node, names: ArraySlice<String>, arguments: [OperandNode]?, final: Operand?) throws(ExecutionFailure) -> Operand {
        var receiver = receiver
        for name in names.dropLast() {
            receiver = try evalField(dot, name, node: node, arguments: nil, final: nil, receiver: receiver)
        }
        return try evalField(dot, names.last!, node: node, arguments: arguments, final: final, receiver: receiver)
    }

    private func evalFunction(_ dot: Operand, _ identifier: IdentifierNode, command: any Node, arguments: [OperandNode]?, final: Operand?) throws(ExecutionFailure) -> Operand {
        at(identifier)
        return try evalCall(dot, identifier.function, isBuiltin: identifier.isBuiltin, node: command, name: identifier.name, arguments: arguments, final: final)
    }

    private func evalField(_ dot: Operand, _ name: String, node: any Node, arguments: [OperandNode]?, final: Operand?, receiver: Operand) throws(ExecutionFailure) -> Operand {
        if case .noValue = receiver.value {
            if options.missingKey == .error { throw failure("nil data; no entry for key \(GoQuote.quote(name))") }
            return .noValue
        }
        if case .null = receiver.value { throw failure("nil pointer evaluating \(receiver.staticTypeName).\(name)") }
        let hasArguments = (arguments?.count ?? 0) > 1 || final != nil
        switch receiver.value {
        case .object(let object):
            switch object.member(named: name) {
            case .method(let method)?:
                return try evalCall(dot, method, isBuiltin: false, node: node, name: name, arguments: arguments, final: final)
            case .field(let value, let declaredType)?:
                if hasArguments { throw failure("\(name) has arguments but cannot be invoked as function") }
                return Operand(value, boxed: declaredType == .interface)
            case nil:
                if object.isNil && object.goType.kind == .pointer {
                    throw failure("nil pointer evaluating \(receiver.staticTypeName).\(name)")
                }
            }
        case .map(let map):
            if hasArguments { throw failure("\(name) is not a method but has arguments") }
            if let value = map[name] { return Operand(value, boxed: map.holdsInterfaces) }
            switch options.missingKey {
            case .noValue: return .noValue
            case .zero: return Operand(map.elementType.zeroValue, boxed: map.holdsInterfaces)
            case .error: throw failure("map has no entry for key \(GoQuote.quote(name))")
            }
        default:
            break
        }
        throw failure("can't evaluate field \(name) in type \(receiver.staticTypeName)")
    }

    // MARK: - Calls

    private func evalCall(_ dot: Operand, _ function: GoFunction, isBuiltin: Bool, node: any Node, name: String, arguments: [OperandNode]?, final: Operand?) throws(ExecutionFailure) -> Operand {
        let argumentNodes = arguments?.dropFirst() ?? []
        let inputCount = argumentNodes.count + (final == nil ? 0 : 1)
        var fixedCount = argumentNodes.count
        if function.variadic != nil {
            fixedCount = function.parameters.count
            if inputCount < fixedCount {
                throw failure("wrong number of args for \(name): want at least \(fixedCount) got \(argumentNodes.count)")
            }
        } else if inputCount != function.parameters.count {
            throw failure("wrong number of args for \(name): want \(function.parameters.count) got \(inputCount)")
        }

        if isBuiltin, let special = function.special, special != .call {
            let isOr = special == .or
            var value = Operand.noValue
            for argument in argumentNodes {
                let result = try evalArgument(dot, .value, argument)
                value = Operand(result, boxed: result.isNilInterface)
                if value.value.isTruthy == isOr { return value }
            }
            if let final {
                let result = try validate(final, .value)
                value = Operand(result, boxed: result.isNilInterface)
            }
            return value
        }

        var values: [GoValue] = []
        values.reserveCapacity(inputCount)
        for (index, argument) in argumentNodes.enumerated() {
            if index < fixedCount {
                values.append(try evalArgument(dot, function.parameters[index], argument))
            } else if let variadic = function.variadic {
                values.append(try evalArgument(dot, variadic, argument))
            }
        }
        if let final {
            var type = function.parameters.last
            if let variadic = function.variadic {
                type = inputCount - 1 < fixedCount ? function.parameters[inputCount - 1] : variadic
            }
            values.append(try validate(final, type!))
        }

        let result: GoValue
        // Functions that run templates (`include`, `tpl`) report limits at this call; afterwards errors
        // point at the last node evaluated, as Go's do.
        let previousNode = self.node
        at(node)
        do {
            if isBuiltin, function.special == .call {
                let callee = argumentNodes.first?.node.sourceText ?? GoFormatter.string(final?.value ?? .noValue)
                result = try Builtins.call(name: callee, values, context: context)
            } else {
                result = try function.body(values, context)
            }
        } catch let error as TemplateError where error.isLimitExceeded {
            throw ExecutionFailure(error: error)
        } catch {
            throw failure("error calling \(name): \(error)")
        }
        self.node = previousNode
        try checkSize(result, of: name)
        if case .null = result { return Operand(result, boxed: true) }
        return Operand(result)
    }

    /// Fails when a function returned a string or list larger than ``TemplateLimits/maxOutputBytes``
    /// (a list counting the memory its elements take), so that templates doubling a value in a loop
    /// stop before exhausting memory.
    private func checkSize(_ result: GoValue, of name: String) throws(ExecutionFailure) {
        let size: Int
        switch result {
        case .string(let string): size = string.utf8.count
        case .list(let list): size = list.count * MemoryLayout<GoValue>.stride
        default: return
        }
        if size > options.limits.maxOutputBytes {
            throw limitFailure("error calling \(name): result of \(size) bytes exceeds the limit of \(options.limits.maxOutputBytes) bytes")
        }
    }

    /// Go's `validateType`: checks that a value can be passed as `type`, unwrapping interfaces.
    private func validate(_ operand: Operand, _ type: GoParameterType?) throws(ExecutionFailure) -> GoValue {
        guard let type else { return operand.value }
        switch operand.value {
        case .noValue:
            if type == .value { return .noValue }
            if type.acceptsNil { return .null }
            throw failure("invalid value; expected \(type.typeName)")
        case .null:
            if type == .value || type == .any { return .null }
            throw failure("wrong type for value; expected \(type.typeName); got interface {}")
        default:
            break
        }
        if type == .value || type == .any || operand.value.isAssignable(to: type) { return operand.value }
        throw failure("wrong type for value; expected \(type.typeName); got \(operand.value.goType?.name ?? "<nil>")")
    }

    /// Go's `evalArg`: evaluates an argument node against the parameter type.
    private func evalArgument(_ dot: Operand, _ type: GoParameterType?, _ argument: OperandNode) throws(ExecutionFailure) -> GoValue {
        at(argument.node)
        switch argument {
        case .dot:
            return try validate(dot, type)
        case .nilLiteral:
            guard let type, type.acceptsNil else { throw failure("cannot assign nil to \(type?.typeName ?? "<nil>")") }
            return type == .value ? .noValue : .null
        case .field(let field):
            return try validate(try evalFieldNode(dot, field, arguments: [argument], final: nil), type)
        case .variable(let variable):
            return try validate(try evalVariableNode(dot, variable, arguments: nil, final: nil), type)
        case .pipe(let pipe):
            return try validate(Operand(try evalPipeline(dot, pipe)), type)
        case .identifier(let identifier):
            return try validate(try evalFunction(dot, identifier, command: identifier, arguments: nil, final: nil), type)
        case .chain(let chain):
            return try validate(try evalChainNode(dot, chain, arguments: nil, final: nil), type)
        case .bool, .number, .string:
            break
        }
        switch type {
        case .bool?:
            if case .bool(let bool) = argument { return .bool(bool.value) }
            throw failure("expected bool; found \(argument.node.sourceText)")
        case .float64?:
            if case .number(let number) = argument, number.isFloat { return .float64(number.float) }
            throw failure("expected float; found \(argument.node.sourceText)")
        case .int?, .int64?:
            if case .number(let number) = argument, number.isInt {
                return type == .int ? .int(Int(number.int)) : .int64(number.int)
            }
            throw failure("expected integer; found \(argument.node.sourceText)")
        case .string?:
            if case .string(let string) = argument { return .string(string.value) }
            throw failure("expected string; found \(argument.node.sourceText)")
        case .any?, .value?, nil:
            switch argument {
            case .bool(let bool): return .bool(bool.value)
            case .number(let number): return try idealConstant(number)
            case .string(let string): return .string(string.value)
            default: throw failure("can't handle assignment of \(argument.node.sourceText) to empty interface argument")
            }
        case .map?, .list?, .object?:
            throw failure("can't handle \(argument.node.sourceText) for arg of type \(type!.typeName)")
        }
    }

    // MARK: - Printing

    private func printValue(_ node: any Node, _ value: GoValue) throws(ExecutionFailure) {
        at(node)
        switch value {
        case .noValue:
            try write("<no value>")
        case .object(let object) where object.goType.kind == .func && object.stringValue == nil:
            throw failure("can't print \(node.sourceText) of type \(object.goType.name)")
        case .string(let string):
            try write(string)
        default:
            try write(GoFormatter.string(value))
        }
    }
}

extension GoValue {
    /// Whether Go would assign the value to a parameter of the given type without conversion.
    func isAssignable(to type: GoParameterType) -> Bool {
        switch (type, self) {
        case (.any, _), (.value, _): true
        case (.string, .string), (.int, .int), (.int64, .int64), (.float64, .float64), (.bool, .bool): true
        case (.map, .map(let map)): map.holdsInterfaces
        case (.list, .list(let list)): list.elementType == .interface
        case (.object(let expected), .object(let object)): object.goType.name == expected.name
        default: false
        }
    }
}

extension GoType {
    /// The zero value of the type, as `missingkey=zero` yields for a missing map entry.
    var zeroValue: GoValue {
        switch kind {
        case .bool: .bool(false)
        case .int: .int(0)
        case .int64: .int64(0)
        case .uint8: .uint8(0)
        case .float64: .float64(0)
        case .string: .string("")
        default: .null
        }
    }
}
