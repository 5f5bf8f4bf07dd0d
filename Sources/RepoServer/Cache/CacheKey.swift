import Crypto
import Foundation
import KubeModel

/// Digests of JSON values that do not depend on member order, for cache keys and file names.
enum CacheKey {
    static func digest(_ value: JSONValue) -> String {
        SHA256.hash(data: Data(JSONWriter.string(canonical(value)).utf8)).hexString
    }

    private static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var sorted: JSONObject = [:]
            for key in members.keys.sorted() { sorted[key] = canonical(members[key]!) }
            return .object(sorted)
        case .array(let elements):
            return .array(elements.map(canonical))
        default:
            return value
        }
    }
}
