@testable import ApplicationSets
import Testing

/// Glob matching as the Git generators use it.
@Suite struct PathGlobTests {
    @Test func directoryGlobsDoNotCrossSlashes() {
        #expect(PathGlob("env/*").matches("env/dev"))
        #expect(!PathGlob("env/*").matches("env/dev/nested"))
        #expect(PathGlob("*").matches("apps"))
        #expect(!PathGlob("*").matches("apps/web"))
        #expect(PathGlob("env/[dp]*").matches("env/prod"))
        #expect(!PathGlob("env/[^dp]*").matches("env/prod"))
        #expect(PathGlob("env/?a").matches("env/qa"))
        #expect(PathGlob("d/[f|g]").matches("d/g"))
    }

    @Test func fileGlobsAreGreedyAsUpstreamsDefault() {
        let glob = PathGlob("clusters/*/config.json", crossesSeparators: true)
        #expect(glob.matches("clusters/a/config.json"))
        #expect(glob.matches("clusters/a/b/config.json"))
        #expect(PathGlob("clusters/**/config.json", crossesSeparators: true).matches("clusters/x/y/config.json"))
        #expect(!glob.matches("clusters/a/config.yaml"))
    }
}
