import ArgumentParser
import KubeModel

/// The flags `argocd app create` and `argocd app set` share, applied to an Application's spec.
/// Only flags given change anything, so `set` edits exactly what the user named.
struct AppSpecOptions: ParsableArguments {
    @Option(help: "Repository URL.")
    var repo: String?

    @Option(help: "Path in the repository of the app directory (ignored for Helm charts).")
    var path: String?

    @Option(help: "The tracked revision: a branch, tag, commit or Helm chart version.")
    var revision: String?

    @Option(name: .customLong("helm-chart"), help: "Helm chart name (for Helm repositories).")
    var helmChart: String?

    @Option(name: .customLong("dest-server"), help: "The destination cluster's API URL.")
    var destServer: String?

    @Option(name: .customLong("dest-name"), help: "The destination cluster's name.")
    var destName: String?

    @Option(name: .customLong("dest-namespace"), help: "The destination namespace.")
    var destNamespace: String?

    @Option(help: "The project.")
    var project: String?

    @Option(name: .customLong("sync-policy"), help: "Sync policy: manual (or none), automated (or auto).")
    var syncPolicy: String?

    @Flag(name: .customLong("auto-prune"), help: "With automated sync: delete resources no longer in Git.")
    var autoPrune = false

    @Flag(name: .customLong("self-heal"), help: "With automated sync: undo changes made in the cluster.")
    var selfHeal = false

    @Option(name: .customLong("sync-option"), help: "A sync option, e.g. CreateNamespace=true (repeatable; !Name removes one).")
    var syncOptions: [String] = []

    @Option(help: "Helm values file in the chart or repository (repeatable).")
    var values: [String] = []

    @Option(name: .customLong("helm-set"), help: "A Helm parameter, name=value (repeatable).")
    var helmSet: [String] = []

    @Option(name: .customLong("release-name"), help: "The Helm release name.")
    var releaseName: String?

    @Flag(name: .customLong("directory-recurse"), help: "Read directory sources recursively.")
    var directoryRecurse = false

    @Option(name: .customLong("label"), help: "A label on the Application, key=value (repeatable).")
    var labels: [String] = []

    @Option(name: .customLong("annotation"), help: "An annotation on the Application, key=value (repeatable).")
    var annotations: [String] = []

    func validate() throws {
        if let syncPolicy, !["manual", "none", "automated", "automatic", "auto"].contains(syncPolicy) {
            throw ValidationError("--sync-policy \(syncPolicy) is not one of manual, none, automated, auto")
        }
        for pair in helmSet + labels + annotations where !pair.contains("=") {
            throw ValidationError("\(pair) is not name=value")
        }
    }

    /// Applies the given flags to `application` (its spec, labels and annotations).
    func apply(to application: inout JSONValue) throws {
        var spec = application["spec"] ?? .emptyObject
        var source = spec["source"] ?? .emptyObject
        if let repo { source["repoURL"] = .string(repo) }
        if let path { source["path"] = .string(path) }
        if let revision { source["targetRevision"] = .string(revision) }
        if let helmChart { source["chart"] = .string(helmChart) }
        if !values.isEmpty || !helmSet.isEmpty || releaseName != nil {
            var helm = source["helm"] ?? .emptyObject
            if !values.isEmpty { helm["valueFiles"] = .array(values.map(JSONValue.string)) }
            if !helmSet.isEmpty {
                var parameters = helm["parameters"]?.arrayValue ?? []
                for pair in helmSet {
                    let name = String(pair.prefix { $0 != "=" })
                    let value = String(pair.drop { $0 != "=" }.dropFirst())
                    parameters.removeAll { $0["name"]?.stringValue == name }
                    parameters.append(["name": .string(name), "value": .string(value)])
                }
                helm["parameters"] = .array(parameters)
            }
            if let releaseName { helm["releaseName"] = .string(releaseName) }
            source["helm"] = helm
        }
        if directoryRecurse { source[path: ["directory", "recurse"]] = true }
        if source != .emptyObject || spec["source"] != nil { spec["source"] = source }
        var destination = spec["destination"] ?? .emptyObject
        if let destServer { destination["server"] = .string(destServer) }
        if let destName { destination["name"] = .string(destName) }
        if let destNamespace { destination["namespace"] = .string(destNamespace) }
        spec["destination"] = destination
        if let project { spec["project"] = .string(project) }
        var policy = spec["syncPolicy"] ?? .emptyObject
        switch syncPolicy {
        case "manual", "none": policy["automated"] = nil
        case .some:
            var automated = policy["automated"] ?? .emptyObject
            automated["enabled"] = nil
            policy["automated"] = automated
        case nil: break
        }
        if autoPrune || selfHeal {
            // Upstream refuses these without automated sync. Here they are kept, with automation
            // off (`enabled: false`, Argo CD 3's field), until `--sync-policy automated` turns it on:
            // the seed's `app create ... --auto-prune --self-heal` then `app set --sync-policy automated`.
            if policy["automated"] == nil { policy["automated"] = ["enabled": false] }
            if autoPrune { policy[path: ["automated", "prune"]] = true }
            if selfHeal { policy[path: ["automated", "selfHeal"]] = true }
        }
        if !syncOptions.isEmpty {
            var options = policy["syncOptions"]?.arrayValue?.compactMap(\.stringValue) ?? []
            for option in syncOptions {
                if option.hasPrefix("!") {
                    options.removeAll { $0 == String(option.dropFirst()) }
                } else {
                    let key = option.prefix { $0 != "=" }
                    options.removeAll { $0.prefix { $0 != "=" } == key }
                    options.append(option)
                }
            }
            policy["syncOptions"] = .array(options.map(JSONValue.string))
        }
        spec["syncPolicy"] = policy == .emptyObject ? JSONValue?.none : policy
        application["spec"] = spec
        for (key, pairs) in [("labels", labels), ("annotations", annotations)] where !pairs.isEmpty {
            for pair in pairs {
                application[path: ["metadata", key, String(pair.prefix { $0 != "=" })]] = .string(String(pair.drop { $0 != "=" }.dropFirst()))
            }
        }
    }
}
