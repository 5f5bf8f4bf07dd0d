import Foundation

/// The opaque `continue` token of a paginated list: where the previous page ended, and the resource
/// version of the list's first page, which later pages report and which expires (410) once it leaves
/// the store's history, as a token does after an etcd compaction.
struct ContinueToken: Equatable {
    /// The key of the last object already returned.
    var after: ObjectKey
    /// The first page's resource version; ``latest`` for a token that continues at the current state.
    var resourceVersion: Int64

    /// The version of a token handed out with a 410, which continues at the current state, accepting an
    /// inconsistent list, as upstream's `-1` does.
    static let latest: Int64 = -1

    /// URL-safe base64 without padding, as upstream encodes its tokens, so that a token can be put in a
    /// query string as it is.
    var encoded: String {
        Data("\(after.storage)\u{0}\(after.namespace)\u{0}\(after.name)\u{0}\(resourceVersion)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    init(after: ObjectKey, resourceVersion: Int64) {
        self.after = after
        self.resourceVersion = resourceVersion
    }

    init(decoding token: String) throws(APIError) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else {
            throw APIError.badRequest("continue key is not valid: not base64")
        }
        let parts = String(decoding: data, as: UTF8.self).split(separator: "\u{0}", omittingEmptySubsequences: false)
        guard parts.count == 4, let version = Int64(parts[3]) else { throw APIError.badRequest("continue key is not valid: wrong shape") }
        after = ObjectKey(storage: String(parts[0]), namespace: String(parts[1]), name: String(parts[2]))
        resourceVersion = version
    }
}
