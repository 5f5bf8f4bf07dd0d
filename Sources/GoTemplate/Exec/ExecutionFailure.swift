/// An execution error already located and worded as Go's, thrown through the evaluator.
struct ExecutionFailure: Error {
    let error: TemplateError
}
