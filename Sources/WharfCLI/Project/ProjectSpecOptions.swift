import ArgumentParser
import KubeModel

/// The project fields `wharf proj create` and `wharf proj set` take as flags, as upstream's
/// `argocd proj create/set`. Only the flags given change the spec, each replacing its whole field.
struct ProjectSpecOptions: ParsableArguments {
    @Option(help: "Project description.")
    var description: String?

    @Option(name: [.customShort("d"), .customLong("dest")], help: "Permitted destination server and namespace (e.g. https://192.168.99.100:8443,default); repeat for more.")
    var destinations: [String] = []

    @Option(name: [.customShort("s"), .customLong("src")], help: "Permitted source repository URL; repeat for more.")
    var sources: [String] = []

    @Option(name: .customLong("signature-keys"), parsing: .singleValue, help: "GnuPG public key IDs for commit signature verification (comma-separated).")
    var signatureKeys: [String] = []

    @Flag(name: .customLong("orphaned-resources"), help: "Enables orphaned resources monitoring.")
    var orphanedResources = false

    @Flag(name: .customLong("orphaned-resources-warn"), inversion: .prefixedNo, help: "Specifies if applications should have a warning condition when orphaned resources detected.")
    var orphanedResourcesWarn: Bool?

    @Option(name: .customLong("allow-cluster-resource"), help: "Allowed cluster level resource (GROUP/KIND or KIND); repeat for more.")
    var allowedClusterResources: [String] = []

    @Option(name: .customLong("deny-cluster-resource"), help: "Denied cluster level resource (GROUP/KIND or KIND); repeat for more.")
    var deniedClusterResources: [String] = []

    @Option(name: .customLong("allow-namespaced-resource"), help: "Allowed namespaced resource (GROUP/KIND or KIND); repeat for more.")
    var allowedNamespacedResources: [String] = []

    @Option(name: .customLong("deny-namespaced-resource"), help: "Denied namespaced resource (GROUP/KIND or KIND); repeat for more.")
    var deniedNamespacedResources: [String] = []

    @Option(name: .customLong("source-namespaces"), parsing: .singleValue, help: "Source namespaces for applications (comma-separated); repeat for more.")
    var sourceNamespaces: [String] = []

    @Option(name: .customLong("dest-service-accounts"), help: "Destination server, namespace and target service account (e.g. https://192.168.99.100:8443,default,default-sa); repeat for more.")
    var destinationServiceAccounts: [String] = []

    func validate() throws {
        for destination in destinations where destination.split(separator: ",", omittingEmptySubsequences: false).count != 2 {
            throw ValidationError("--dest \(destination): expected SERVER,NAMESPACE, such as https://kubernetes.default.svc,default")
        }
        for account in destinationServiceAccounts where account.split(separator: ",", omittingEmptySubsequences: false).count != 3 {
            throw ValidationError("--dest-service-accounts \(account): expected SERVER,NAMESPACE,SERVICE-ACCOUNT")
        }
        for key in splitList(signatureKeys) where !Self.isGPGKeyID(key) {
            throw ValidationError("--signature-keys \(key): not a GnuPG key ID (16 or 8 hexadecimal digits)")
        }
    }

    /// Sets the fields whose flags were given in `spec`; returns how many were.
    @discardableResult
    func apply(to spec: inout JSONValue) -> Int {
        var given = 0
        func set(_ key: String, _ value: JSONValue, when present: Bool) {
            guard present else { return }
            spec[key] = value
            given += 1
        }
        set("description", .string(description ?? ""), when: description != nil)
        set("destinations", .array(destinations.map(Self.destination)), when: !destinations.isEmpty)
        set("sourceRepos", .array(sources.map(JSONValue.string)), when: !sources.isEmpty)
        set("signatureKeys", .array(splitList(signatureKeys).map { ["keyID": .string($0.uppercased())] }), when: !signatureKeys.isEmpty)
        set("clusterResourceWhitelist", Self.groupKinds(allowedClusterResources), when: !allowedClusterResources.isEmpty)
        set("clusterResourceBlacklist", Self.groupKinds(deniedClusterResources), when: !deniedClusterResources.isEmpty)
        set("namespaceResourceWhitelist", Self.groupKinds(allowedNamespacedResources), when: !allowedNamespacedResources.isEmpty)
        set("namespaceResourceBlacklist", Self.groupKinds(deniedNamespacedResources), when: !deniedNamespacedResources.isEmpty)
        set("sourceNamespaces", .array(splitList(sourceNamespaces).map(JSONValue.string)), when: !sourceNamespaces.isEmpty)
        set("destinationServiceAccounts", .array(destinationServiceAccounts.map(Self.serviceAccount)), when: !destinationServiceAccounts.isEmpty)
        // As upstream: either flag turns monitoring on; `warn` is written only when its flag is given.
        if orphanedResources || orphanedResourcesWarn != nil {
            var settings: JSONValue = .emptyObject
            if let orphanedResourcesWarn { settings["warn"] = .bool(orphanedResourcesWarn) }
            spec["orphanedResources"] = settings
            given += 1
        }
        return given
    }

    /// Comma-separated values of repeatable flags, as cobra's string slices read them.
    private func splitList(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map(String.init) }
    }

    private static func destination(_ text: String) -> JSONValue {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return ["server": .string(parts[0]), "namespace": .string(parts[1])]
    }

    private static func serviceAccount(_ text: String) -> JSONValue {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return ["server": .string(parts[0]), "namespace": .string(parts[1]), "defaultServiceAccount": .string(parts[2])]
    }

    /// `GROUP/KIND` or a bare `KIND` (the core group).
    private static func groupKinds(_ values: [String]) -> JSONValue {
        .array(values.map { value in
            let parts = value.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return parts.count == 2 ? ["group": .string(parts[0]), "kind": .string(parts[1])] : ["group": "", "kind": .string(value)]
        })
    }

    private static func isGPGKeyID(_ text: String) -> Bool {
        (text.count == 8 || text.count == 16) && text.allSatisfy(\.isHexDigit)
    }
}
