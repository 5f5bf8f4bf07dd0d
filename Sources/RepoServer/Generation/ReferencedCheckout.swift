/// The checkout of another source of the same application, that value files name as `$ref/path`.
struct ReferencedCheckout: Sendable {
    /// Its checkout.
    let root: RepositoryRoot
}
