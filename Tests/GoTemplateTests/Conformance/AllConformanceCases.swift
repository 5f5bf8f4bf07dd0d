/// Every conformance case, from the per-area lists.
enum AllConformanceCases {
    static let cases: [ConformanceCase] = ParseCases.cases + ExecutionCases.cases + PrintfCases.cases + SprigCases.cases + CryptoCases.cases
}
