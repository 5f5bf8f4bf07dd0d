import KubeModel

/// How clusters (or, with application scope, applications) are spread over controller replicas —
/// upstream's `ARGOCD_CONTROLLER_SHARDING_ALGORITHM` values.
public enum ShardingAlgorithm: String, Sendable {
    /// FNV-1a of the key modulo the number of shards (the empty key — the in-cluster destination — goes to the first).
    case legacy
    /// Keys in sorted order dealt out in turn.
    case roundRobin = "round-robin"
    /// A hash ring with bounded loads: each key goes to the first shard clockwise from its hash that
    /// holds fewer than 1.25 × the average, so shards joining or leaving move few keys and none is overloaded.
    case consistentHashing = "consistent-hashing"

    /// The shard of every key among `shards` (the live shard numbers).
    public func assign(_ keys: [String], to shards: [Int]) -> [String: Int] {
        let shards = shards.sorted()
        guard !shards.isEmpty else { return [:] }
        var result: [String: Int] = [:]
        switch self {
        case .legacy:
            for key in keys { result[key] = key.isEmpty ? shards[0] : shards[Int(Self.hash(key) % UInt32(shards.count))] }
        case .roundRobin:
            for (index, key) in Set(keys).sorted().enumerated() { result[key] = shards[index % shards.count] }
        case .consistentHashing:
            let ring = shards.flatMap { shard in (0..<Self.virtualNodes).map { (point: Self.hash("\(shard)-\($0)"), shard: shard) } }.sorted { $0.point < $1.point }
            let unique = Set(keys).sorted()
            let capacity = Int((Double(unique.count) / Double(shards.count) * 1.25).rounded(.up))
            var load: [Int: Int] = [:]
            for key in unique {
                let point = Self.hash(key)
                var index = ring.firstIndex { $0.point >= point } ?? 0
                // Bounded loads: walk on past shards that are full.
                for _ in 0..<ring.count {
                    if load[ring[index].shard, default: 0] < max(1, capacity) { break }
                    index = (index + 1) % ring.count
                }
                result[key] = ring[index].shard
                load[ring[index].shard, default: 0] += 1
            }
        }
        return result
    }

    private static let virtualNodes = 40

    private static func hash(_ key: String) -> UInt32 {
        var hash = FNVHash()
        hash.add(key)
        return hash.value
    }
}
