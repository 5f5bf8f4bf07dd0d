import Foundation

/// The opaque `continue` token of a paginated list: where the previous page ended.
enum ContinueToken {
    static func encode(_ key: ObjectKey) -> String {
        Data("\(key.storage)\u{0}\(key.namespace)\u{0}\(key.name)".utf8).base64EncodedString()
    }

    static func decode(_ token: String) throws(APIError) -> ObjectKey {
        guard let data = Data(base64Encoded: token) else {
            throw APIError.badRequest("continue key is not valid: not base64")
        }
        let parts = String(decoding: data, as: UTF8.self).split(separator: "\u{0}", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw APIError.badRequest("continue key is not valid: wrong shape") }
        return ObjectKey(storage: String(parts[0]), namespace: String(parts[1]), name: String(parts[2]))
    }
}
