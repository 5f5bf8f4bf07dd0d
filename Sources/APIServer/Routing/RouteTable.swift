import HTTPTypes

/// The routes, ordered so that the most specific template wins, and looked up by method and path.
struct RouteTable: Sendable {
    let routes: [APIRoute]

    init(_ routes: [APIRoute]) {
        self.routes = routes.sorted { $1.specificity.lexicographicallyPrecedes($0.specificity) }
    }

    /// What a path resolves to.
    enum Lookup {
        case found(APIRoute, [String: String])
        /// The path exists with other methods.
        case methodNotAllowed
        case notFound
    }

    func lookup(method: HTTPRequest.Method, path: String) -> Lookup {
        let pieces = path.split(separator: "/", omittingEmptySubsequences: true)
        var pathExists = false
        for route in routes {
            guard let parameters = route.match(pieces) else { continue }
            if route.method == method { return .found(route, parameters) }
            pathExists = true
        }
        return pathExists ? .methodNotAllowed : .notFound
    }
}
