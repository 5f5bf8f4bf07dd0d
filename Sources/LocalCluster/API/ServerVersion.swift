public import KubeModel

/// What `/version` reports: the Kubernetes version whose API the embedded cluster implements.
struct ServerVersion: Sendable {
    let major = "1"
    let minor = "32"
    let gitVersion = "v1.32.0+wharf"

    var json: JSONValue {
        [
            "major": .string(major), "minor": .string(minor), "gitVersion": .string(gitVersion),
            "gitCommit": "wharf", "gitTreeState": "clean", "buildDate": "2026-01-01T00:00:00Z",
            "goVersion": "swift", "compiler": "swift", "platform": "linux/amd64",
        ]
    }
}
