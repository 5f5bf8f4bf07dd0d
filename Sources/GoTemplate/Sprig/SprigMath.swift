import Foundation

/// Sprig's arithmetic (`numeric.go`): integer functions convert with cast's `ToInt64` and return
/// `int64`; the `f` functions go through shopspring/decimal and return `float64`.
enum SprigMath {
    static let functions: [GoFunction] = [
        GoFunction("add1", [.any]) { a, _ in .int64(GoCast.toInt64(a[0]) &+ 1) },
        GoFunction("add", variadic: .any) { a, _ in .int64(a.reduce(0) { $0 &+ GoCast.toInt64($1) }) },
        GoFunction("sub", [.any, .any]) { a, _ in .int64(GoCast.toInt64(a[0]) &- GoCast.toInt64(a[1])) },
        GoFunction("div", [.any, .any]) { a, _ in
            let divisor = GoCast.toInt64(a[1])
            if divisor == 0 { throw GoFunctionError("runtime error: integer divide by zero") }
            return .int64(GoCast.toInt64(a[0]).dividedReportingOverflow(by: divisor).partialValue)
        },
        GoFunction("mod", [.any, .any]) { a, _ in
            let divisor = GoCast.toInt64(a[1])
            if divisor == 0 { throw GoFunctionError("runtime error: integer divide by zero") }
            return .int64(GoCast.toInt64(a[0]).remainderReportingOverflow(dividingBy: divisor).partialValue)
        },
        GoFunction("mul", [.any], variadic: .any) { a, _ in .int64(a.dropFirst().reduce(GoCast.toInt64(a[0])) { $0 &* GoCast.toInt64($1) }) },
        GoFunction("max", [.any], variadic: .any) { a, _ in .int64(a.map(GoCast.toInt64).max()!) },
        GoFunction("biggest", [.any], variadic: .any) { a, _ in .int64(a.map(GoCast.toInt64).max()!) },
        GoFunction("min", [.any], variadic: .any) { a, _ in .int64(a.map(GoCast.toInt64).min()!) },
        GoFunction("maxf", [.any], variadic: .any) { a, _ in
            .float64(a.dropFirst().reduce(GoCast.toFloat64(a[0])) { goMax($0, GoCast.toFloat64($1)) })
        },
        GoFunction("minf", [.any], variadic: .any) { a, _ in
            .float64(a.dropFirst().reduce(GoCast.toFloat64(a[0])) { goMin($0, GoCast.toFloat64($1)) })
        },
        GoFunction("randInt", [.int, .int]) { a, _ in
            let low = a.int(0), high = a.int(1)
            if high - low <= 0 { throw GoFunctionError("invalid argument to Intn") }
            return .int(Int.random(in: low..<high))
        },
        GoFunction("add1f", [.any]) { a, _ in decimal(a[0], [1]) { $0 + $1 } },
        GoFunction("addf", variadic: .any) { a, _ in decimal(.float64(0), a) { $0 + $1 } },
        GoFunction("subf", [.any], variadic: .any) { a, _ in decimal(a[0], Array(a.dropFirst())) { $0 - $1 } },
        GoFunction("mulf", [.any], variadic: .any) { a, _ in decimal(a[0], Array(a.dropFirst())) { $0 * $1 } },
        GoFunction("divf", [.any], variadic: .any) { a, _ in
            try decimalOrFail(a[0], Array(a.dropFirst())) { dividend, divisor in
                if divisor.isZero { throw GoFunctionError("decimal division by 0") }
                var quotient = dividend / divisor
                var rounded = Decimal()
                NSDecimalRound(&rounded, &quotient, 16, .plain)
                return rounded
            }
        },
        GoFunction("floor", [.any]) { a, _ in .float64(GoCast.toFloat64(a[0]).rounded(.down)) },
        GoFunction("ceil", [.any]) { a, _ in .float64(GoCast.toFloat64(a[0]).rounded(.up)) },
        GoFunction("round", [.any, .int], variadic: .float64) { a, _ in
            let roundOn = a.count > 2 ? (a[2].asDouble ?? 0.5) : 0.5
            let power = pow(10, Double(a.int(1)))
            let digit = power * GoCast.toFloat64(a[0])
            let fraction = digit - digit.rounded(.towardZero)
            return .float64((fraction >= roundOn ? digit.rounded(.up) : digit.rounded(.down)) / power)
        },
        GoFunction("atoi", [.string]) { a, _ in .int((try? GoStrconv.atoi(a.string(0))) ?? 0) },
        GoFunction("int", [.any]) { a, _ in .int(GoCast.toInt(a[0])) },
        GoFunction("int64", [.any]) { a, _ in .int64(GoCast.toInt64(a[0])) },
        GoFunction("float64", [.any]) { a, _ in .float64(GoCast.toFloat64(a[0])) },
        GoFunction("toDecimal", [.any]) { a, _ in
            .int64((try? GoStrconv.parseInt(GoFormatter.sprint([a[0]]), base: 8, bitSize: 64)) ?? 0)
        },
    ]

    /// Go's `math.Max`: NaN wins, +0 beats -0.
    private static func goMax(_ a: Double, _ b: Double) -> Double {
        if a.isNaN || b.isNaN { return .nan }
        if a == 0 && b == 0 { return a.sign == .minus ? b : a }
        return Swift.max(a, b)
    }

    private static func goMin(_ a: Double, _ b: Double) -> Double {
        if a.isNaN || b.isNaN { return .nan }
        if a == 0 && b == 0 { return a.sign == .minus ? a : b }
        return Swift.min(a, b)
    }

    /// `decimal.NewFromFloat`: the shortest decimal that reads back as the same float.
    private static func decimalValue(_ value: GoValue) -> Decimal {
        let double = GoCast.toFloat64(value)
        return Decimal(string: "\(double)", locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(double)
    }

    private static func decimal(_ first: GoValue, _ rest: [GoValue], _ operation: (Decimal, Decimal) -> Decimal) -> GoValue {
        .float64(Double(rest.reduce(decimalValue(first)) { operation($0, decimalValue($1)) }.description) ?? 0)
    }

    private static func decimalOrFail(_ first: GoValue, _ rest: [GoValue], _ operation: (Decimal, Decimal) throws -> Decimal) throws -> GoValue {
        var result = decimalValue(first)
        for value in rest { result = try operation(result, decimalValue(value)) }
        return .float64(Double(result.description) ?? 0)
    }
}

extension GoValue {
    /// The value when it is a Go `float64`.
    var asDouble: Double? {
        if case .float64(let double) = self { return double }
        return nil
    }
}
