/// HTTP request headers looked up by name regardless of case, as HTTP defines them.
///
/// Empty values count as absent, because upstream tells providers apart by which headers are
/// non-empty. When several given names differ only in case, the first one wins (for a dictionary:
/// the first in sorted order, so the choice does not depend on hashing).
public struct WebhookHeaders: Sendable, ExpressibleByDictionaryLiteral {
    private var values: [String: String] = [:]

    /// Headers from name-value pairs in the order they arrived.
    public init(_ fields: some Sequence<(String, String)>) {
        for (name, value) in fields where !value.isEmpty {
            let key = name.lowercased()
            if values[key] == nil { values[key] = value }
        }
    }

    /// Headers from a dictionary, such as a request's header fields collapsed by name.
    public init(_ fields: [String: String]) {
        self.init(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The value of the header called `name` (any case), or nil when it is absent or empty.
    public subscript(name: String) -> String? {
        values[name.lowercased()]
    }
}
