/// Go's `net.ParseIP`, reduced to what certificates store: the 4 bytes of an IPv4 address (also for
/// an IPv4-mapped IPv6 address, as Go's `To4` gives it) or the 16 bytes of an IPv6 address.
enum GoIP {
    /// The address bytes, or nil when `text` is not an IP address.
    static func parse(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        if !bytes.contains(UInt8(ascii: ":")) { return ipv4(bytes[...]) }
        guard let address = ipv6(bytes[...]) else { return nil }
        if address.prefix(10).allSatisfy({ $0 == 0 }) && address[10] == 0xFF && address[11] == 0xFF { return Array(address.suffix(4)) }
        return address
    }

    /// Dotted decimal, four parts of 0–255 without leading zeros.
    private static func ipv4(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var address: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            if part.count > 1 && part.first == 0x30 { return nil }
            let value = part.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard value <= 255 else { return nil }
            address.append(UInt8(value))
        }
        return address
    }

    /// Groups of up to four hex digits, one `::` at most, optionally ending in an IPv4 address.
    private static func ipv6(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        let colon = UInt8(ascii: ":")
        // A colon may open or close the address only as part of "::".
        if text.first == colon && text.dropFirst().first != colon { return nil }
        if text.last == colon && text.dropLast().last != colon { return nil }
        var head: [UInt8] = [], tail: [UInt8] = []
        var sawEllipsis = false
        var groups = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)[...]
        // A leading or trailing "::" splits into two empty groups; drop one of each pair.
        if groups.count >= 2 && groups.first!.isEmpty && groups[groups.startIndex + 1].isEmpty { groups = groups.dropFirst() }
        if groups.count >= 2 && groups.last!.isEmpty && groups[groups.endIndex - 2].isEmpty { groups = groups.dropLast() }
        for (index, group) in groups.enumerated() {
            if group.isEmpty {
                guard !sawEllipsis else { return nil }
                sawEllipsis = true
                continue
            }
            var bytes: [UInt8]
            if index == groups.count - 1 && group.contains(UInt8(ascii: ".")) {
                guard let v4 = ipv4(group) else { return nil }
                bytes = v4
            } else {
                guard group.count <= 4, group.allSatisfy({ $0 < 0x80 && Character(Unicode.Scalar($0)).isHexDigit }), let value = UInt16(String(decoding: group, as: UTF8.self), radix: 16) else { return nil }
                bytes = [UInt8(value >> 8), UInt8(value & 0xFF)]
            }
            if sawEllipsis { tail += bytes } else { head += bytes }
        }
        let total = head.count + tail.count
        if sawEllipsis {
            guard total < 16 else { return nil }
            return head + [UInt8](repeating: 0, count: 16 - total) + tail
        }
        return total == 16 ? head : nil
    }
}
