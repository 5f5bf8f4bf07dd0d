import ArgumentParser
import KubeModel

/// The arguments of the four commands that edit a project's kind lists
/// (`allow-cluster-resource`, `deny-cluster-resource`, `allow-namespace-resource`,
/// `deny-namespace-resource`), and the edit they share, as upstream's `modifyResourceListCmd`.
struct ProjectResourceListArguments: ParsableArguments {
    /// Which list a command edits by default, and which way.
    struct Behaviour {
        /// Whether it is about namespaced kinds (else cluster-scoped ones).
        var namespaced: Bool
        /// Whether it allows the kind (adding to the allow list, removing from the deny list).
        var allow: Bool
    }

    /// The two lists of each scope.
    enum List: String, ExpressibleByArgument {
        case allow, deny, white, black

        /// Whether it names the allow list (`allow` or upstream's older `white`).
        var isAllowList: Bool { self == .allow || self == .white }
    }

    @OptionGroup var core: CoreModeOptions

    @Argument(help: "The project name.")
    var project: String

    @Argument(help: "The API group ('' for the core group).")
    var group: String

    @Argument(help: "The kind.")
    var kind: String

    @Option(name: [.customShort("l"), .customLong("list")], help: "Use deny list or allow list: allow or deny (default: allow for cluster resources, deny for namespaced ones).")
    var list: List?

    /// Edits the list `behaviour` names and prints what happened, as upstream does.
    func run(_ behaviour: Behaviour) async throws {
        let usesAllowList = (list ?? (behaviour.namespaced ? .deny : .allow)).isAllowList
        let scope = behaviour.namespaced ? "namespaced" : "cluster"
        let field = (behaviour.namespaced ? "namespaceResource" : "clusterResource") + (usesAllowList ? "Whitelist" : "Blacklist")
        let description = "\(usesAllowList ? "allowed" : "denied") \(scope)"
        // Allowing adds to the allow list and removes from the deny list; denying the reverse.
        let adds = usesAllowList == behaviour.allow
        var message = ""
        try await core.withClient { client in
            try await ArgoObjectStore.projects(client: client, namespace: core.namespace).edit(project) { object in
                var entries = object[path: "spec", field]?.arrayValue ?? []
                let index = entries.firstIndex { ($0["group"]?.stringValue ?? "") == group && $0["kind"]?.stringValue == kind }
                switch (adds, index) {
                case (true, nil):
                    entries.append(["group": .string(group), "kind": .string(kind)])
                    message = "Group '\(group)' and kind '\(kind)' is added to \(description) resources"
                case (true, .some):
                    message = "Group '\(group)' and kind '\(kind)' already present in \(description) resources"
                    return
                case (false, .some(let position)):
                    entries.remove(at: position)
                    message = "Group '\(group)' and kind '\(kind)' is removed from \(description) resources"
                case (false, nil):
                    message = "Group '\(group)' and kind '\(kind)' not in \(description) resources"
                    return
                }
                object[path: "spec", field] = .array(entries)
            }
        }
        print(message)
    }
}
