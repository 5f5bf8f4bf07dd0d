import KubeModel

extension KubeClient {
    /// The server's Kubernetes version (`gitVersion` of `/version`, such as `v1.32.0`): a cheap call
    /// that also tells whether the cluster can be reached with these credentials.
    public func serverVersion() async throws(KubeError) -> String {
        let response = try await send("GET", "/version", verb: "get", resource: GroupVersionResource(group: "", version: "", resource: "version"))
        guard let version = (try? JSONParser.parse(bytes: response.body))?["gitVersion"]?.stringValue else {
            throw KubeError(.badResponse, "the server's /version answer has no gitVersion")
        }
        return version
    }
}
