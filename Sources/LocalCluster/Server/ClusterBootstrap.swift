import KubeModel

/// The objects every Kubernetes cluster starts with: the system namespaces, the `kubernetes` Service,
/// the default RBAC roles and bindings, and the simulated nodes and default StorageClass, created
/// through the API like any other object so they get the same metadata.
enum ClusterBootstrap {
    static let systemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"]

    static func ensureSystemObjects(handler: APIHandler) async throws {
        for namespace in systemNamespaces {
            try await ensure(handler, path: "/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(namespace)]])
        }
        try await ensure(
            handler, path: "/api/v1/namespaces/default/services",
            [
                "apiVersion": "v1", "kind": "Service",
                "metadata": ["name": "kubernetes", "namespace": "default", "labels": ["component": "apiserver", "provider": "kubernetes"]],
                "spec": ["clusterIP": "10.96.0.1", "ports": [["name": "https", "port": 443, "protocol": "TCP", "targetPort": 6443]]],
            ])
        for (path, object) in BootstrapPolicy.objects {
            try await ensure(handler, path: path, object)
        }
        try await SimulatedInfrastructure.ensure(client: InProcessClient(handler: handler, userAgent: "wharf-bootstrap"))
    }

    /// Creates the object unless it exists.
    private static func ensure(_ handler: APIHandler, path: String, _ object: JSONValue) async throws {
        let request = APIRequest(
            method: .post, path: path, contentType: "application/json", userAgent: "wharf-bootstrap",
            body: Array(JSONWriter.string(object).utf8))
        if case .json(let status, let body, _) = await handler.handle(request), status >= 300, status != 409 {
            throw APIError.internalError("bootstrapping \(path): \(body)")
        }
    }
}
