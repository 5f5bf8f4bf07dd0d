import Testing
import Webhooks

@Suite("Repository URL equivalence")
struct RepositoryURLTests {
    @Test(
        "scheme, user, port, case, trailing slash, .git and an ssh. host prefix do not matter",
        arguments: [
            "https://github.com/example-org/guestbook",
            "https://github.com/example-org/guestbook.git",
            "https://github.com/example-org/guestbook/",
            "https://GitHub.com/Example-Org/Guestbook.git/",
            "http://github.com/example-org/guestbook",
            "https://deploy-bot:token@github.com/example-org/guestbook.git",
            "git@github.com:example-org/guestbook.git",
            "git@github.com:example-org/guestbook",
            "ssh://git@github.com/example-org/guestbook",
            "ssh://git@github.com:22/example-org/guestbook.git",
            "ssh://git@ssh.github.com:443/example-org/guestbook.git",
            "github.com/example-org/guestbook",
        ]
    )
    func equivalent(_ url: String) {
        #expect(RepositoryURL(url).isSameRepository(as: RepositoryURL("https://github.com/example-org/guestbook")))
    }

    @Test(
        "another owner, name, host or a longer path is another repository",
        arguments: [
            "https://github.com/example-org/guestbook2",
            "https://github.com/other-org/guestbook",
            "https://gitlab.com/example-org/guestbook",
            "https://github.com/example-org/guestbook/wiki",
            "git@github.com:example-org/guest.git",
        ]
    )
    func different(_ url: String) {
        #expect(!RepositoryURL(url).isSameRepository(as: RepositoryURL("https://github.com/example-org/guestbook")))
    }

    @Test("a reduced URL keeps only host and path")
    func parts() {
        let url = RepositoryURL("ssh://git@bitbucket.example.com:7999/OPS/manifests.git")
        #expect(url.host == "bitbucket.example.com")
        #expect(url.path == "ops/manifests")
        #expect(RepositoryURL("git@[2001:db8::1]:ops/manifests.git").host == "[2001:db8::1]")
        #expect(RepositoryURL("ssh://git@[2001:db8::1]:22/ops/manifests").host == "[2001:db8::1]")
    }
}
