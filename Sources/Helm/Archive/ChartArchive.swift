/// Reads a chart archive (`.tgz`): gzip, then tar, with the safety checks Helm applies and bounds of its
/// own — not gzip, paths escaping the chart, and archives that decompress beyond a limit are refused.
public enum ChartArchive {
    /// The most an archive may decompress to.
    public static let maxDecompressedBytes = 256 * 1024 * 1024

    /// The files of the archive, relative to the chart's root (the archive's top directory removed).
    public static func extract(_ archive: [UInt8], name: String) throws(HelmError) -> [ChartFile] {
        guard archive.count >= 18, archive[0] == 0x1F, archive[1] == 0x8B, archive[2] == 8 else {
            throw HelmError("file '\(name)' does not appear to be a gzipped archive; got 'application/octet-stream'")
        }
        let flags = archive[3]
        var start = 10
        if flags & 4 != 0 { start += 2 + Int(archive[start]) | Int(archive[start + 1]) << 8 }
        if flags & 8 != 0 { while start < archive.count && archive[start] != 0 { start += 1 }; start += 1 }
        if flags & 16 != 0 { while start < archive.count && archive[start] != 0 { start += 1 }; start += 1 }
        if flags & 2 != 0 { start += 2 }
        let tar: [UInt8]
        do {
            tar = try Inflate.decode(archive, start: start, limit: maxDecompressedBytes).bytes
        } catch {
            throw HelmError("\(name): \(error.message)")
        }
        return try entries(tar, name: name)
    }

    private static func entries(_ tar: [UInt8], name: String) throws(HelmError) -> [ChartFile] {
        var files: [ChartFile] = []
        var offset = 0
        var longName: String?
        func field(_ range: Range<Int>) -> String {
            let bytes = tar[(offset + range.lowerBound)..<(offset + range.upperBound)]
            return String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        while offset + 512 <= tar.count {
            if tar[offset..<(offset + 512)].allSatisfy({ $0 == 0 }) { break }
            var path = field(0..<100)
            let prefix = field(345..<500)
            if !prefix.isEmpty && field(257..<263).hasPrefix("ustar") { path = prefix + "/" + path }
            let sizeText = field(124..<136).trimmingCharacters(in: " ")
            guard let size = Int(sizeText, radix: 8) else { throw HelmError("\(name): invalid tar header") }
            let type = tar[offset + 156]
            let dataStart = offset + 512
            guard dataStart + size <= tar.count else { throw HelmError("\(name): unexpected EOF in tar data") }
            let data = Array(tar[dataStart..<(dataStart + size)])
            offset = dataStart + (size + 511) / 512 * 512
            if type == UInt8(ascii: "L") {
                longName = String(decoding: data.prefix(while: { $0 != 0 }), as: UTF8.self)
                continue
            }
            if let pending = longName {
                path = pending
                longName = nil
            }
            guard type == 0 || type == UInt8(ascii: "0") else { continue }
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            if path.hasPrefix("/") || parts.contains("..") || path.contains("\\") {
                throw HelmError("chart illegally references parent directory: \(path) (\(name))")
            }
            guard parts.count > 1 else { continue }
            files.append(ChartFile(path: parts.dropFirst().joined(separator: "/"), data: data))
        }
        return files
    }
}

extension String {
    func trimmingCharacters(in characters: String) -> String {
        Substring(self).trimmingCharacters(in: characters)
    }
}
