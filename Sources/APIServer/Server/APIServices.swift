import HTTPTypes
import AppController
import Foundation
import KubeClient
import KubeModel
import Logging
import RepoServer

/// What every route handler works with: the cluster client, the namespace of Argo CD's objects,
/// the watch-fed caches of settings and Applications, and the session service.
struct APIServices: Sendable {
    let client: KubeClient
    let namespace: String
    let settings: SettingsWatch
    let applications: SharedInformer
    let sessions: SessionService
    let repo: RepoService
    let logger: Logger

    /// Throws 403 unless `caller` may do `action` on `resource` object `object`, in upstream's words.
    func authorize(_ caller: Caller?, _ resource: String, _ action: String, _ object: String) throws(APIError) {
        try settings.current.authorizer.check(caller, resource: resource, action: action, object: object)
    }

    /// The cached Application `name`, or 404.
    func application(_ name: String) async throws(APIError) -> KubeObject {
        guard let application = await applications.get(namespace: namespace, name: name) else {
            throw APIError.notFound("applications.argoproj.io \"\(name)\" not found")
        }
        return application
    }

    /// Runs a cluster call, turning its failure into the API error a caller can act on.
    func cluster<T: Sendable>(_ body: () async throws(KubeError) -> T) async throws(APIError) -> T {
        do {
            return try await body()
        } catch {
            throw APIError(kubeError: error)
        }
    }
}

extension APIError {
    /// The API answer for a failed cluster call: the cluster's own status where the caller can act
    /// on it (not found, conflict, invalid), 503 when the cluster cannot be reached.
    init(kubeError error: KubeError) {
        switch error.category {
        case .notFound: self.init(.notFound, error.message)
        case .alreadyExists, .conflict: self.init(.conflict, error.message)
        case .invalid, .badRequest: self.init(.badRequest, error.message)
        case .unreachable, .timeout, .tooManyRequests, .tls: self.init(.serviceUnavailable, "the cluster cannot be reached: \(error.message)")
        case .forbidden, .unauthorized: self.init(.forbidden, "the API server's own cluster account may not do this: \(error.message)")
        default: self.init(.internalServerError, error.message)
        }
    }
}
