import Foundation
import HTTPTypes
import KubeModel

/// The OpenAPI 3 document of the routes, generated from the same table the server dispatches
/// with, so that it describes exactly what is served.
enum OpenAPIDocument {
    static func make(routes: [APIRoute], version: String) -> JSONValue {
        var paths: JSONObject = [:]
        for route in routes.sorted(by: { ($0.path, $0.method.rawValue) < ($1.path, $1.method.rawValue) }) {
            var parameters: [JSONValue] = route.segments.compactMap { segment in
                guard case .parameter(let name) = segment else { return nil }
                return ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string"]]
            }
            parameters += route.queryParameters.map { ["name": .string($0), "in": "query", "required": false, "schema": ["type": "string"]] }
            var operation: JSONValue = [
                "summary": .string(route.summary), "tags": [.string(route.tag)],
                "operationId": .string("\(route.tag)_\(route.method.rawValue.lowercased())\(route.path.replacingOccurrences(of: "/", with: "_"))"),
                "responses": [
                    "200": ["description": "OK", "content": ["application/json": ["schema": ["type": "object"]]]],
                    "default": ["description": "An error", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]],
                ],
            ]
            if route.path == "/healthz" || route.path == "/metrics" {
                operation["responses"] = ["200": ["description": "OK", "content": ["text/plain": ["schema": ["type": "string"]]]]]
            }
            // Streams never end by themselves: clients (and fuzzers) must know not to wait for the body.
            if route.path.hasPrefix("/api/v1/stream/") {
                operation["responses"]?["200"] = ["description": "Server-Sent Events, one JSON object per event", "content": ["text/event-stream": ["schema": ["type": "string"]]]]
            }
            if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
            if route.takesBody {
                operation["requestBody"] = ["required": false, "content": ["application/json": ["schema": ["type": "object"]]]]
            }
            if route.access == .authenticated { operation["security"] = [["bearer": []], ["cookie": []]] }
            var item = paths[route.path] ?? .emptyObject
            item[route.method.rawValue.lowercased()] = operation
            paths[route.path] = item
        }
        return [
            "openapi": "3.0.3",
            "info": ["title": "Wharf API (Argo CD compatible)", "version": .string(version)],
            "paths": .object(paths),
            "components": [
                "securitySchemes": [
                    "bearer": ["type": "http", "scheme": "bearer", "bearerFormat": "JWT"],
                    "cookie": ["type": "apiKey", "in": "cookie", "name": "argocd.token"],
                ],
                "schemas": [
                    "Error": [
                        "type": "object",
                        "properties": ["error": ["type": "string"], "code": ["type": "integer"], "message": ["type": "string"]],
                    ]
                ],
            ],
        ]
    }
}
