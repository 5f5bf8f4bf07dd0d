import KubeModel
import Testing

/// `wharf kube patch --type strategic` against the real `kubectl patch --local` (kubectl 1.32): the
/// same object and patch must give the same object, compared semantically because kubectl prints
/// keys sorted.
@Suite(.mayBlock)
struct StrategicPatchKubectlConformanceTests {
    /// kubectl is installed on every project machine; where it is not, these tests are reported as
    /// skipped with this reason instead of passing without checking anything.
    @Test(
        .enabled(if: CommandRunner.which("kubectl") != nil, "kubectl is not installed, so the kubectl conformance cases cannot run"),
        arguments: StrategicPatchConformanceCase.all)
    func wharfPatchesLikeKubectl(_ testCase: StrategicPatchConformanceCase) throws {
        let (kubectl, wharf) = try Self.runBoth(testCase)
        try #require(kubectl.exitCode == 0, "kubectl rejected case '\(testCase.name)': \(kubectl.standardError)")
        #expect(wharf.exitCode == 0, "wharf failed on case '\(testCase.name)': \(wharf.standardError)")
        let expected = try JSONParser.parse(kubectl.standardOutput)
        let actual = try JSONParser.parse(wharf.standardOutput)
        #expect(
            actual == expected,
            """
            case '\(testCase.name)'
            patch: \(testCase.patch)
            kubectl printed:
            \(kubectl.standardOutput)
            wharf printed:
            \(wharf.standardOutput)
            """)
    }

    @Test(
        .enabled(if: CommandRunner.which("kubectl") != nil, "kubectl is not installed, so the kubectl conformance cases cannot run"),
        arguments: StrategicPatchConformanceCase.rejected)
    func wharfRejectsWhatKubectlRejects(_ testCase: StrategicPatchConformanceCase) throws {
        let (kubectl, wharf) = try Self.runBoth(testCase)
        try #require(kubectl.exitCode != 0, "kubectl accepted case '\(testCase.name)': \(kubectl.standardOutput)")
        #expect(wharf.exitCode != 0, "wharf accepted case '\(testCase.name)': \(wharf.standardOutput)")
        #expect(wharf.standardOutput.isEmpty)
        #expect(wharf.standardError.hasPrefix("error: "), "\(wharf.standardError)")
    }

    private static func runBoth(_ testCase: StrategicPatchConformanceCase) throws -> (CommandRunner.Result, CommandRunner.Result) {
        let directory = try TemporaryDirectory()
        let file = try directory.write("object.yaml", testCase.object)
        let arguments = ["-f", file, "--type", "strategic", "-p", testCase.patch, "-o", "json"]
        let kubectlPath = try #require(CommandRunner.which("kubectl"))
        let kubectl = try CommandRunner.run(kubectlPath, ["patch", "--local"] + arguments)
        let wharf = try CommandRunner.wharf(["kube", "patch"] + arguments)
        return (kubectl, wharf)
    }
}
