import Crypto
public import Foundation

/// Chart archives (and OCI manifests) on disk by content digest, so that a chart pulled once is not
/// downloaded again: `<directory>/sha256/<hex>`. Entries are checked against their digest when read,
/// so a damaged file is treated as missing.
public actor ChartDownloadCache {
    /// The cache's root directory.
    public let directory: URL

    /// A cache in `directory` (created when first written).
    public init(directory: URL) {
        self.directory = directory
    }

    /// The bytes stored under `digest` (`sha256:<hex>`), or nil.
    public func data(forDigest digest: String) -> [UInt8]? {
        guard let url = location(of: digest), let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let bytes = [UInt8](data)
        return Self.digest(of: bytes) == digest ? bytes : nil
    }

    /// Stores `bytes` under their digest and returns it.
    @discardableResult
    public func store(_ bytes: [UInt8]) throws(HelmError) -> String {
        let digest = Self.digest(of: bytes)
        guard let url = location(of: digest) else { return digest }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw HelmError("cannot write the chart cache at \(url.path): \(error.localizedDescription)")
        }
        return digest
    }

    /// `sha256:<hex>` of the bytes.
    public static func digest(of bytes: [UInt8]) -> String {
        "sha256:" + SHA256.hash(data: bytes).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Only well-formed SHA-256 digests name files, so a digest from a server cannot point elsewhere.
    private func location(of digest: String) -> URL? {
        guard digest.hasPrefix("sha256:") else { return nil }
        let hex = digest.dropFirst("sha256:".count)
        guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return directory.appendingPathComponent("sha256").appendingPathComponent(String(hex))
    }
}
