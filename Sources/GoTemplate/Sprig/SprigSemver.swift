/// Sprig's `semver` and `semverCompare`.
enum SprigSemver {
    static let functions: [GoFunction] = [
        GoFunction("semver", [.string]) { a, _ in .object(try SemanticVersion(a.string(0))) },
        GoFunction("semverCompare", [.string, .string]) { a, _ in
            let constraint = try SemverConstraint(a.string(0))
            return .bool(constraint.check(try SemanticVersion(a.string(1))))
        },
    ]
}
