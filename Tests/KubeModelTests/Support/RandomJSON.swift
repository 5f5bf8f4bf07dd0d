import KubeModel

extension JSONValue {
    /// The same value with every object's keys sorted, for comparing exactly (number literals included)
    /// where member order is not meaningful.
    var withSortedKeys: JSONValue {
        switch self {
        case .object(let members):
            var sorted = JSONObject()
            for key in members.keys.sorted() { sorted[key] = members[key]!.withSortedKeys }
            return .object(sorted)
        case .array(let elements): return .array(elements.map(\.withSortedKeys))
        default: return self
        }
    }
}

/// Builds random JSON trees from a seed, so that property tests are reproducible from the seed alone.
struct RandomJSON {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64: small, fast and good enough for test data.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Keys drawn from a small pool so that two random objects share members often.
    private static let keys = ["name", "image", "spec", "replicas", "a", "b", "c", "x/y", "~tilde", "env", "ports", "0", "-"]
    private static let strings = ["", "web", "nginx:1.27", "yes", "1", "0644", "a: b", "#c", "line1\nline2\n", "ü ✓", "null", "-x", " lead", "trail "]

    /// A random value; `allowNullInObjects` false keeps `null` out of object members (merge patches cannot
    /// set a member to null).
    mutating func value(depth: Int = 0, allowNullInObjects: Bool = true) -> JSONValue {
        let choice = depth >= 3 ? below(5) : below(8)
        switch choice {
        case 0: return allowNullInObjects ? .null : .bool(false)
        case 1: return .bool(below(2) == 0)
        case 2: return .number(JSONNumber(Int64(below(2000)) - 1000))
        case 3: return .number(JSONNumber(validatedLiteral: ["1.0", "2.5", "-0.125", "1e3", "12345678901234567890123"][below(5)]))
        case 4: return .string(Self.strings[below(Self.strings.count)])
        case 5:
            var elements: [JSONValue] = []
            for _ in 0..<below(4) { elements.append(value(depth: depth + 1, allowNullInObjects: allowNullInObjects)) }
            return .array(elements)
        default:
            var members = JSONObject()
            for _ in 0..<below(5) {
                members[Self.keys[below(Self.keys.count)]] = value(depth: depth + 1, allowNullInObjects: allowNullInObjects)
            }
            return .object(members)
        }
    }

    /// A variation of `value`: some members changed, added or removed, so that patches between the two
    /// exercise nested edits rather than whole replacements.
    mutating func mutation(of value: JSONValue, depth: Int = 0, allowNullInObjects: Bool = true) -> JSONValue {
        switch value {
        case .object(var members):
            for key in members.keys where below(3) == 0 {
                if below(2) == 0 {
                    members.removeValue(forKey: key)
                } else {
                    members[key] = mutation(of: members[key]!, depth: depth + 1, allowNullInObjects: allowNullInObjects)
                }
            }
            if below(2) == 0 {
                members[Self.keys[below(Self.keys.count)]] = self.value(depth: depth + 1, allowNullInObjects: allowNullInObjects)
            }
            return .object(members)
        case .array(var elements):
            if !elements.isEmpty, below(2) == 0 {
                let index = below(elements.count)
                elements[index] = mutation(of: elements[index], depth: depth + 1, allowNullInObjects: allowNullInObjects)
            }
            if below(3) == 0 { elements.append(self.value(depth: depth + 1, allowNullInObjects: allowNullInObjects)) }
            if !elements.isEmpty, below(4) == 0 { elements.removeFirst() }
            return .array(elements)
        default:
            return below(2) == 0 ? value : self.value(depth: depth + 1, allowNullInObjects: allowNullInObjects)
        }
    }
}
