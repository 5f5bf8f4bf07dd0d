/// A chart archive fetched from a repository or registry, with the digest it is cached under.
public struct ChartDownload: Sendable {
    /// The chart's name.
    public let name: String
    /// The chart's version.
    public let version: String
    /// `sha256:<hex>` of the archive.
    public let digest: String
    /// The `.tgz` bytes.
    public let archive: [UInt8]
    /// Whether the archive came from the local cache rather than the network.
    public let fromCache: Bool

    /// The chart in the archive.
    public func load() throws(HelmError) -> Chart {
        try ChartLoader.load(archive: archive, name: "\(name)-\(version).tgz")
    }
}
