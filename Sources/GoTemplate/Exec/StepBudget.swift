/// The steps left to one execution and every execution nested in it (`include`, `tpl`), shared by
/// their executors so that a loop cannot restart the count by recursing.
final class StepBudget {
    var remaining: Int

    init(_ steps: Int) {
        remaining = steps
    }
}
