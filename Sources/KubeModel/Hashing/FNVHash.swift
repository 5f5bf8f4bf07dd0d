/// 32-bit FNV-1a, the hash Kubernetes' controllers use for pod-template hashes and Argo CD uses to
/// shard clusters; also the source of deterministic jitter and addresses that must come out the same
/// every time an object is looked at.
public struct FNVHash: Sendable {
    /// The hash so far.
    public private(set) var value: UInt32 = 2_166_136_261

    /// An empty hash.
    public init() {}

    /// Feeds bytes.
    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt32(byte)
            value = value &* 16_777_619
        }
    }

    /// Feeds a string's UTF-8.
    public mutating func add(_ text: String) { add(text.utf8) }

    /// Feeds a JSON value in a canonical form: object members by sorted key, so that member order (which
    /// differs between a client's manifest and a stored copy) never changes the hash.
    public mutating func add(canonical value: JSONValue) {
        switch value {
        case .object(let members):
            add("{")
            for key in members.keys.sorted() {
                add(key)
                add(":")
                if let member = members[key] { add(canonical: member) }
                add(",")
            }
            add("}")
        case .array(let elements):
            add("[")
            for element in elements {
                add(canonical: element)
                add(",")
            }
            add("]")
        case .number(let number):
            // By value, so that 1 and 1.0 hash alike as they compare alike.
            add(number.int64Value.map(String.init) ?? String(number.doubleValue))
        default:
            add(JSONWriter.string(value))
        }
    }

    /// A fraction in [0, 1) derived from `seed`.
    public static func fraction(_ seed: String) -> Double {
        var hash = FNVHash()
        hash.add(seed)
        return Double(hash.value) / (Double(UInt32.max) + 1)
    }
}
