import KubeModel

/// One delivery to `/api/webhook`: its headers and raw body, before anything is trusted.
///
/// ``parse(secrets:)`` is the whole pipeline the API server needs: tell the provider by its headers,
/// verify the delivery against that provider's secret when one is configured, and read the payload
/// into a ``WebhookOutcome``. It does no I/O.
public struct WebhookRequest: Sendable {
    /// The request headers.
    public var headers: WebhookHeaders
    /// The request body exactly as received; signatures are computed over these bytes.
    public var body: [UInt8]

    /// A delivery as the HTTP server received it.
    public init(headers: WebhookHeaders, body: [UInt8]) {
        self.headers = headers
        self.body = body
    }

    /// The provider that sent the delivery, or nil when no known event header is present.
    public var provider: WebhookProvider? { WebhookProvider.detect(headers) }

    /// Verifies and reads the delivery.
    /// - Throws: ``WebhookError`` when the provider is unknown, verification fails or the payload is
    ///   not the JSON the provider documents. Events that are not pushes are not errors but
    ///   ``WebhookOutcome/ignored(_:event:)``.
    public func parse(secrets: WebhookSecrets) throws(WebhookError) -> WebhookOutcome {
        guard let provider else { throw .unknownProvider() }
        // Bitbucket Server's "Test connection" is answered before verification, as upstream does:
        // it changes nothing, and some server versions send it unsigned.
        if provider == .bitbucketServer && headers["X-Event-Key"] == "diagnostics:ping" { return .ping(.bitbucketServer) }
        try verify(provider, secrets: secrets)
        switch provider {
        case .gitHub: return try gitHubOutcome()
        case .gitLab: return try gitLabOutcome()
        case .bitbucket: return try bitbucketOutcome()
        case .bitbucketServer: return try bitbucketServerOutcome()
        case .gogs, .gitea: return try gogsOutcome(provider)
        case .azureDevOps: return try azureDevOpsOutcome()
        }
    }

    /// The body as a JSON object.
    func payload(_ provider: WebhookProvider) throws(WebhookError) -> JSONValue {
        guard !body.isEmpty else { throw .malformedPayload(provider, "the request body is empty") }
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes: body)
        } catch {
            throw .malformedPayload(provider, "the body is not valid JSON (\(error.description))")
        }
        guard json.objectValue != nil else { throw .malformedPayload(provider, "expected a JSON object, found \(json.typeName)") }
        return json
    }
}
