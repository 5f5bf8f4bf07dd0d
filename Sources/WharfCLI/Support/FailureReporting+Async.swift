import ArgumentParser

extension ParsableCommand {
    /// The asynchronous form of ``reportingFailures(_:)``: the same `error: ...` output and exit codes.
    func reportingFailures(_ body: () async throws -> Void) async throws {
        var failure: (any Error)?
        do {
            try await body()
        } catch {
            failure = error
        }
        // The synchronous form decides how each kind of error is shown, so both print the same.
        try reportingFailures { if let failure { throw failure } }
    }
}
