import AppController
import Testing

@Suite("Sharding algorithms")
struct ShardingAlgorithmTests {
    private let clusters = (0..<60).map { "cluster-uid-\($0)" }

    @Test("every algorithm gives each key exactly one live shard; the in-cluster key goes to the first under legacy")
    func everyKeyOnce() {
        for algorithm in [ShardingAlgorithm.legacy, .roundRobin, .consistentHashing] {
            let assignment = algorithm.assign(clusters + [""], to: [0, 1, 2])
            #expect(assignment.count == clusters.count + 1)
            #expect(Set(assignment.values).isSubset(of: [0, 1, 2]))
        }
        #expect(ShardingAlgorithm.legacy.assign([""], to: [1, 2])[""] == 1)
    }

    @Test("round-robin is even; consistent hashing stays within 1.25 × the average and moves only the dead shard's keys")
    func balance() {
        let roundRobin = ShardingAlgorithm.roundRobin.assign(clusters, to: [0, 1, 2])
        #expect(Dictionary(grouping: roundRobin.values, by: { $0 }).values.map(\.count).sorted() == [20, 20, 20])
        let before = ShardingAlgorithm.consistentHashing.assign(clusters, to: [0, 1, 2])
        #expect(Dictionary(grouping: before.values, by: { $0 }).values.allSatisfy { $0.count <= 25 })
        let after = ShardingAlgorithm.consistentHashing.assign(clusters, to: [0, 2])
        let moved = clusters.filter { before[$0] != after[$0] }
        // Bounded loads may push a few keys on, but most of the survivors' keys stay where they were.
        let movedFromSurvivors = moved.filter { before[$0] != 1 }
        #expect(movedFromSurvivors.count <= 10, "moved from surviving shards: \(movedFromSurvivors.count)")
        #expect(after.values.allSatisfy { $0 != 1 })
    }

    @Test("the environment configures sharding as upstream's variables do, with clear warnings")
    func environment() {
        let (configuration, problems) = ShardingConfiguration.from(
            environment: ["ARGOCD_CONTROLLER_REPLICAS": "3", "ARGOCD_CONTROLLER_SHARDING_ALGORITHM": "round-robin"], hostname: "argocd-application-controller-2")
        #expect(configuration.replicas == 3 && configuration.shard == 2 && configuration.algorithm == .roundRobin && problems.isEmpty)
        let (fallback, warnings) = ShardingConfiguration.from(environment: ["ARGOCD_CONTROLLER_REPLICAS": "2", "ARGOCD_CONTROLLER_SHARD": "5", "ARGOCD_CONTROLLER_SHARDING_ALGORITHM": "magic"], hostname: "x")
        #expect(fallback.shard == 0 && fallback.algorithm == .legacy)
        #expect(warnings.count == 2)
    }
}
