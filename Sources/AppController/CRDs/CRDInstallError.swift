/// A CustomResourceDefinition that the API server did not start serving.
public struct CRDInstallError: Error, Sendable, CustomStringConvertible {
    private enum Code: Sendable {
        case namesRejected(reason: String)
        case notEstablished(after: Duration, conditions: String)
    }

    /// The definition's name, such as `applications.argoproj.io`.
    public let definition: String
    private let code: Code

    static func namesRejected(_ definition: String, reason: String) -> CRDInstallError {
        CRDInstallError(definition: definition, code: .namesRejected(reason: reason))
    }

    static func notEstablished(_ definition: String, after timeout: Duration, conditions: String) -> CRDInstallError {
        CRDInstallError(definition: definition, code: .notEstablished(after: timeout, conditions: conditions))
    }

    public var description: String {
        switch code {
        case .namesRejected(let reason):
            "CustomResourceDefinition \(definition) was applied but its names were not accepted: \(reason). "
                + "Another definition probably claims the same plural, kind or short names; remove it and install again."
        case .notEstablished(let timeout, let conditions):
            "CustomResourceDefinition \(definition) was applied but not Established within \(timeout) "
                + "(conditions: \(conditions)). Check that the API server is healthy, or install with a longer timeout."
        }
    }
}
