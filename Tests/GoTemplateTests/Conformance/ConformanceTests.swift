import Foundation
import GoTemplate
import Testing

/// Renders a few hundred small templates with this engine and with real Helm v4 and requires the same
/// output, or the same error.
@Suite("Conformance with Helm", .enabled(if: HelmReference.isAvailable, "needs helm-python-sdk: python3 -m venv .venv && .venv/bin/pip install helm-python-sdk, or WHARF_TEST_PYTHON"))
struct ConformanceTests {
    @Test(arguments: AllConformanceCases.cases)
    func matchesHelm(_ testCase: ConformanceCase) throws {
        let helm = try #require(HelmReference.results[testCase.id], "Helm produced no result for \(testCase.id)")
        var output: String?
        var failure: String?
        do {
            output = try Render.helmStyle(testCase.template, values: testCase.values, name: HelmReference.templateName)
        } catch {
            failure = "\(error)"
        }
        switch testCase.comparison {
        case .bothFail:
            #expect(helm.error != nil, "Helm rendered \(String(describing: helm.output))")
            #expect(failure != nil, "Wharf rendered \(String(describing: output))")
        case .pattern(let pattern):
            let regex = try Regex(pattern)
            if let expected = helm.output {
                #expect(expected.wholeMatch(of: regex) != nil, "Helm's output \(expected) does not match the case's pattern")
                #expect(output.map { $0.wholeMatch(of: regex) != nil } == true, "Wharf: \(output ?? failure ?? "")")
            } else {
                #expect(failure != nil, "Helm failed with \(helm.error ?? ""), Wharf rendered \(output ?? "")")
            }
        case .exact:
            if let expected = helm.output {
                #expect(output == expected, "Wharf failed with \(failure ?? "")")
            } else {
                let helmError = helm.error ?? ""
                #expect(failure.map { wordedLikeHelm($0, helmError) } == helmError, "Wharf rendered \(output ?? "")")
            }
        }
    }

    /// Words one of this engine's errors the way Helm v4 prints it.
    private func wordedLikeHelm(_ message: String, _ helmError: String) -> String {
        if helmError.hasPrefix("parse error at (") { return HelmReference.helmParseMessage(fromGo: message) }
        let tokens = message.split(separator: ": ", maxSplits: 2, omittingEmptySubsequences: false)
        if helmError.hasPrefix("execution error at ("), tokens.count == 3, let range = tokens[2].range(of: "error calling fail: ") {
            return "execution error at (\(tokens[1])): \(tokens[2][range.upperBound...])"
        }
        return HelmReference.goMessage(fromHelm: helmError) == message ? helmError : message
    }
}
