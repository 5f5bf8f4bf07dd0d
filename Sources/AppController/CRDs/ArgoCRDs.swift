public import KubeModel

/// The `argoproj.io` CustomResourceDefinitions Wharf installs, with upstream Argo CD's group, names,
/// scope, printer columns and schema shape, so that upstream manifests, `kubectl get app` and tools
/// written for Argo CD work unchanged.
///
/// The schemas type the fields Wharf reads and writes; parts upstream leaves free-form, and deeper
/// parts Wharf does not interpret, keep unknown fields (`x-kubernetes-preserve-unknown-fields`).
public enum ArgoCRDs {
    /// The API group of every Argo CD kind.
    public static let group = "argoproj.io"
    /// The one served and stored version.
    public static let version = "v1alpha1"
    /// `apiVersion` of Applications and AppProjects.
    public static let apiVersion = "\(group)/\(version)"

    /// Where Applications are read and written.
    public static let applications = GroupVersionResource(group: group, version: version, resource: "applications")
    /// Where AppProjects are read and written.
    public static let appProjects = GroupVersionResource(group: group, version: version, resource: "appprojects")
    /// Where ApplicationSets are read and written.
    public static let applicationSets = GroupVersionResource(group: group, version: version, resource: "applicationsets")
    /// Where the definitions themselves live.
    public static let customResourceDefinitions = GroupVersionResource(
        group: "apiextensions.k8s.io", version: "v1", resource: "customresourcedefinitions")

    /// Every definition, in the order they are installed.
    public static var all: [JSONValue] { [application, appProject, applicationSet] }

    /// A namespaced CustomResourceDefinition of one served and stored `v1alpha1` version, labelled as upstream labels its own.
    static func definition(kind: String, plural: String, shortNames: [String], printerColumns: [JSONValue] = [], schema: JSONValue) -> JSONValue {
        let name = "\(plural).\(group)"
        var served: JSONObject = [:]
        if !printerColumns.isEmpty { served["additionalPrinterColumns"] = .array(printerColumns) }
        served["name"] = .string(version)
        served["schema"] = ["openAPIV3Schema": schema]
        served["served"] = true
        served["storage"] = true
        // Upstream declares neither a status nor a scale subresource: the controller writes status
        // through the main resource, and so must anything that mimics it.
        served["subresources"] = .emptyObject
        return [
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": [
                "name": .string(name),
                "labels": ["app.kubernetes.io/name": .string(name), "app.kubernetes.io/part-of": "argocd"],
            ],
            "spec": [
                "group": .string(group),
                "names": [
                    "kind": .string(kind),
                    "listKind": .string("\(kind)List"),
                    "plural": .string(plural),
                    "shortNames": .array(shortNames.map(JSONValue.string)),
                    "singular": .string(kind.lowercased()),
                ],
                "scope": "Namespaced",
                "versions": [.object(served)],
            ],
        ]
    }

    /// A `kubectl get` column reading a string at `jsonPath`; `priority` 10 shows it only with `-o wide`.
    static func printerColumn(_ name: String, _ jsonPath: String, priority: Int = 0) -> JSONValue {
        var column: JSONObject = ["jsonPath": .string(jsonPath), "name": .string(name), "type": "string"]
        if priority != 0 { column["priority"] = .int(priority) }
        return .object(column)
    }
}
