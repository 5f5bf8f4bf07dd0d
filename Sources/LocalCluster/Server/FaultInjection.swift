import KubeModel

/// Faults the API server injects into its clients' requests, for reliability tests: added latency and
/// failed requests, per verb and resource.
///
/// Only resource requests arriving over HTTPS are affected. Discovery, OpenAPI and health checks stay
/// reliable, so that clients can start and readiness probes pass; the simulated controllers call the
/// API in process and see no faults either, so workloads keep converging while clients suffer.
public struct FaultInjection: Sendable, Equatable {
    /// The verb a rule matches.
    public typealias Verb = APIVerb

    /// The failure a rule answers with; each is a `Status` with the reason Kubernetes gives that code.
    public enum ErrorCode: Int, Sendable, CaseIterable {
        /// 429 `TooManyRequests`, with `Retry-After`, as API priority and fairness rejects requests.
        case tooManyRequests = 429
        /// 500 `InternalError`.
        case internalError = 500
        /// 503 `ServiceUnavailable`, with `Retry-After`.
        case serviceUnavailable = 503
        /// 504 `Timeout`.
        case timeout = 504

        /// The `Status` reason clients key on.
        var reason: String {
            switch self {
            case .tooManyRequests: "TooManyRequests"
            case .internalError: "InternalError"
            case .serviceUnavailable: "ServiceUnavailable"
            case .timeout: "Timeout"
            }
        }

        /// Whether the response carries `Retry-After`; client-go retries only such responses, as it does
        /// for a real server's throttling.
        var sendsRetryAfter: Bool { self == .tooManyRequests || self == .serviceUnavailable }
    }

    /// One rule: which requests it matches, and the latency and failures it adds to them.
    public struct Rule: Sendable, Equatable {
        /// The verb matched; nil matches every verb.
        public var verb: Verb?
        /// The plural resource matched (`configmaps`, including its subresources) or one subresource
        /// (`deployments/scale`); nil matches every resource.
        public var resource: String?
        /// Delay added before the request is served (or failed).
        public var latency: Duration
        /// Up to this much more delay, drawn uniformly per request.
        public var jitter: Duration
        /// The fraction of matching requests that fail, from 0 (none) to 1 (all).
        public var errorRate: Double
        /// How failing requests are answered.
        public var errorCode: ErrorCode
        /// The `Retry-After` seconds sent with 429 and 503.
        public var retryAfterSeconds: Int

        /// Creates a rule; with only a verb and resource it matches and does nothing.
        public init(
            verb: Verb? = nil, resource: String? = nil, latency: Duration = .zero, jitter: Duration = .zero, errorRate: Double = 0,
            errorCode: ErrorCode = .internalError, retryAfterSeconds: Int = 1
        ) {
            self.verb = verb
            self.resource = resource
            self.latency = latency
            self.jitter = jitter
            self.errorRate = errorRate
            self.errorCode = errorCode
            self.retryAfterSeconds = retryAfterSeconds
        }

        func matches(_ verb: Verb, _ target: ResourceRequest) -> Bool {
            if let wanted = self.verb, wanted != verb { return false }
            guard let resource else { return true }
            if let subresource = target.subresource, resource == "\(target.info.resource)/\(subresource)" { return true }
            return resource == target.info.resource
        }

        /// The `Status` body of an injected failure; the message says it was injected, so that a test
        /// failure never sends anyone hunting for a real server bug.
        func status(verb: Verb, target: ResourceRequest) -> JSONValue {
            let what = "fault injected for \(verb.rawValue) \(target.info.qualifiedResource)"
            let message = switch errorCode {
            case .tooManyRequests: "Too many requests, please try again later (\(what))"
            case .internalError: "Internal error occurred: \(what)"
            case .serviceUnavailable: "the server is currently unable to handle the request (\(what))"
            case .timeout: "the server was unable to return a response in the time allotted (\(what))"
            }
            var status = APIError(
                code: errorCode.rawValue, reason: errorCode.reason, message: message, group: target.info.group,
                kind: target.info.resource, name: target.name
            ).status
            if errorCode.sendsRetryAfter { status[path: ["details", "retryAfterSeconds"]] = .int(retryAfterSeconds) }
            return status
        }
    }

    /// The rules; every rule matching a request applies, so latencies add up and the first rule whose
    /// error is drawn answers.
    public var rules: [Rule]

    /// Creates a fault injection; no rules injects nothing.
    public init(rules: [Rule] = []) {
        self.rules = rules
    }

    /// Waits out the latency that the rules matching `request` add, then draws their errors.
    /// - Returns: The failing rule with its `Status`, or nil to serve the request.
    func inject(into request: APIRequest, registry: ResourceRegistry) async -> (rule: Rule, status: JSONValue)? {
        guard !rules.isEmpty, case .resource(let target)? = try? RequestTarget.resolve(request.path, registry: registry) else {
            return nil
        }
        let verb = APIVerb(method: request.method, named: target.name != nil, watch: request.flag("watch"))
        let matching = rules.filter { $0.matches(verb, target) }
        let delay = matching.reduce(Duration.zero) { total, rule in
            total + rule.latency + (rule.jitter == .zero ? .zero : rule.jitter * Double.random(in: 0...1))
        }
        if delay > .zero { try? await Task.sleep(for: delay) }
        guard let failing = matching.first(where: { $0.errorRate > 0 && Double.random(in: 0..<1) < $0.errorRate }) else { return nil }
        return (failing, failing.status(verb: verb, target: target))
    }
}
