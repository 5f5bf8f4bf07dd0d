/// The version `wharf --version` prints.
enum WharfVersion {
    static let current = "0.1.0-dev"
}
