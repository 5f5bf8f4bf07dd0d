import ArgumentParser
import Foundation

extension ParsableCommand {
    /// Runs `body`, turning a ``CommandFailure`` or any library error into kubectl-style
    /// `error: ...` output and an exit code, never a crash or a stack trace.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
            throw ExitCode(failure.exitCode)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
