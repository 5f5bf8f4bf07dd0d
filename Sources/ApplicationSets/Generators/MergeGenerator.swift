import KubeModel

/// `merge`: the first generator's parameter sets, each overridden by the sets of the later
/// generators that agree with it on every `mergeKeys` parameter. Sets of later generators that match
/// no base set are dropped, as upstream does.
struct MergeGenerator: ApplicationSetGenerator {
    let children: [GeneratorEntry]
    let mergeKeys: [String]
    let field: String

    func generate(_ context: GeneratorContext) async throws(ApplicationSetError) -> [ParameterSet] {
        var base = try await children[0].generate(context)
        var index: [String: Int] = [:]
        for (position, parameters) in base.enumerated() {
            let key = mergeKey(parameters)
            guard index[key] == nil else {
                throw ApplicationSetError("\(field): the first generator produces more than one parameter set with \(key); mergeKeys must identify each set uniquely")
            }
            index[key] = position
        }
        for child in children.dropFirst() {
            for parameters in try await child.generate(context) {
                guard let position = index[mergeKey(parameters)] else { continue }
                for (key, value) in parameters {
                    base[position][key] = context.goTemplate ? (base[position][key].map { $0.merging(value) } ?? value) : value
                }
            }
        }
        return base
    }

    /// The values of the merge keys, looked up flat (`path.basename` as one key) or nested.
    private func mergeKey(_ parameters: ParameterSet) -> String {
        let values = mergeKeys.map { key -> JSONValue in
            if let value = parameters[key] { return value }
            let path = key.split(separator: ".").map(String.init)
            guard let head = path.first, let root = parameters[head] else { return .null }
            return root[path: Array(path.dropFirst())] ?? .null
        }
        return mergeKeys.enumerated().map { "\($0.element)=\(JSONWriter.string(values[$0.offset]))" }.joined(separator: ",")
    }
}
