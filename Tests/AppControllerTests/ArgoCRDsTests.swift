import ClusterTestSupport
import AppController
import KubeModel
import Testing

/// The definitions match upstream's in what clients depend on: names, scope, columns and schema shape.
@Suite struct ArgoCRDsTests {
    @Test func applicationHasUpstreamNamesScopeAndColumns() {
        let crd = ArgoCRDs.application
        #expect(crd[path: ["metadata", "name"]] == "applications.argoproj.io")
        #expect(crd[path: ["spec", "group"]] == "argoproj.io")
        #expect(crd[path: ["spec", "scope"]] == "Namespaced")
        #expect(crd[path: ["spec", "names"]] == ["kind": "Application", "listKind": "ApplicationList", "plural": "applications", "singular": "application", "shortNames": ["app", "apps"]])
        let version = crd[path: ["spec", "versions"]]?.arrayValue?.first
        #expect(crd[path: ["spec", "versions"]]?.arrayValue?.count == 1)
        #expect(version?["name"] == "v1alpha1")
        #expect(version?["served"] == true && version?["storage"] == true)
        // As upstream: status is written with the object, not through a subresource.
        #expect(version?["subresources"] == .emptyObject)
        let columns = version?["additionalPrinterColumns"]?.arrayValue ?? []
        #expect(columns.map { $0["name"]?.stringValue } == ["Sync Status", "Health Status", "Revision", "Project"])
        #expect(columns.map { $0["jsonPath"]?.stringValue } == [".status.sync.status", ".status.health.status", ".status.sync.revision", ".spec.project"])
        #expect(columns.map { $0["priority"]?.int64Value ?? 0 } == [0, 0, 10, 10])
    }

    @Test func appProjectHasUpstreamNames() {
        let crd = ArgoCRDs.appProject
        #expect(crd[path: ["metadata", "name"]] == "appprojects.argoproj.io")
        #expect(crd[path: ["spec", "names", "shortNames"]] == ["appproj", "appprojs"])
        #expect(crd[path: ["spec", "names", "singular"]] == "appproject")
        #expect(crd[path: ["spec", "scope"]] == "Namespaced")
        #expect(ArgoCRDs.all.compactMap { $0[path: ["spec", "names", "kind"]]?.stringValue } == ["Application", "AppProject", "ApplicationSet"])
    }

    @Test func applicationSchemaRequiresWhatUpstreamRequires() throws {
        let root = try #require(schema(of: ArgoCRDs.application))
        #expect(root["required"] == ["metadata", "spec"])
        #expect(keys(of: root["properties"]).isSuperset(of: ["spec", "status", "operation"]))
        let spec = try #require(root[path: ["properties", "spec"]])
        #expect(spec["required"] == ["destination", "project"])
        #expect(spec[path: ["properties", "source", "required"]] == ["repoURL"])
        #expect(spec[path: ["properties", "sources", "items", "required"]] == ["repoURL"])
        #expect(root[path: ["properties", "status", "properties", "sync", "required"]] == ["status"])
        #expect(root[path: ["properties", "status", "properties", "operationState", "required"]] == ["operation", "phase", "startedAt"])
    }

    @Test func applicationSchemaTypesThePrincipalFields() {
        let spec = schema(of: ArgoCRDs.application)?[path: ["properties", "spec", "properties"]]
        let fields = { (path: [String]) in keys(of: spec?[path: path + ["properties"]]) }
        #expect(fields(["source"]).isSuperset(of: ["repoURL", "path", "targetRevision", "chart", "ref", "helm", "kustomize", "directory", "plugin"]))
        #expect(fields(["destination"]) == ["server", "name", "namespace"])
        #expect(fields(["syncPolicy", "properties", "automated"]) == ["prune", "selfHeal", "allowEmpty", "enabled"])
        #expect(fields(["syncPolicy", "properties", "retry", "properties", "backoff"]) == ["duration", "factor", "maxDuration"])
        #expect(spec?[path: ["revisionHistoryLimit", "type"]] == "integer")
        // Helm values are free-form upstream, so whatever a chart takes survives.
        #expect(spec?[path: ["source", "properties", "helm", "properties", "valuesObject", "x-kubernetes-preserve-unknown-fields"]] == true)
    }

    @Test func appProjectSchemaTypesItsLists() {
        let root = schema(of: ArgoCRDs.appProject)
        #expect(root?["required"] == ["metadata", "spec"])
        let spec = keys(of: root?[path: ["properties", "spec", "properties"]])
        #expect(spec.isSuperset(of: [
            "sourceRepos", "destinations", "clusterResourceWhitelist", "clusterResourceBlacklist", "namespaceResourceWhitelist",
            "namespaceResourceBlacklist", "orphanedResources", "roles", "syncWindows", "sourceNamespaces", "signatureKeys",
            "destinationServiceAccounts", "description",
        ]))
        #expect(root?[path: ["properties", "status", "properties", "jwtTokensByRole", "additionalProperties", "properties", "items", "type"]] == "array")
    }

    private func keys(of object: JSONValue?) -> Set<String> {
        Set(object?.objectValue?.keys.map { $0 } ?? [])
    }

    private func schema(of definition: JSONValue) -> JSONValue? {
        definition[path: ["spec", "versions"]]?.arrayValue?.first?[path: ["schema", "openAPIV3Schema"]]
    }
}
