/// Hands out IPv4 addresses from a range, one per owner, and takes them back: pod IPs and
/// load-balancer IPs that must not repeat while their owners exist.
actor AddressPool {
    private let first: UInt32
    private let size: UInt32
    private var cursor: UInt32 = 0
    private var owners: [UInt32: ObjectKey] = [:]
    private var addresses: [ObjectKey: UInt32] = [:]

    /// A pool of `size` addresses starting at `first` (dotted quad).
    init(first: String, size: UInt32) {
        self.first = Self.number(first) ?? 0
        self.size = size
    }

    /// The address `owner` holds, allocating the next free one if it has none; nil when the range is full.
    func address(for owner: ObjectKey) -> String? {
        if let held = addresses[owner] { return Self.text(held) }
        for _ in 0..<size {
            let candidate = first &+ cursor
            cursor = (cursor + 1) % size
            // Skip network and broadcast-looking addresses, which would look wrong in a /24.
            guard candidate & 0xFF != 0, candidate & 0xFF != 0xFF, owners[candidate] == nil else { continue }
            owners[candidate] = owner
            addresses[owner] = candidate
            return Self.text(candidate)
        }
        return nil
    }

    /// Records an address an existing object already carries, so it is not handed out again.
    func claim(_ address: String, for owner: ObjectKey) {
        guard let number = Self.number(address), addresses[owner] == nil, owners[number] == nil else { return }
        owners[number] = owner
        addresses[owner] = number
    }

    /// Frees the address `owner` held.
    func release(_ owner: ObjectKey) {
        if let number = addresses.removeValue(forKey: owner) { owners[number] = nil }
    }

    private static func number(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".").compactMap { UInt32($0) }
        guard parts.count == 4, parts.allSatisfy({ $0 < 256 }) else { return nil }
        return parts.reduce(0) { $0 << 8 | $1 }
    }

    private static func text(_ number: UInt32) -> String {
        "\(number >> 24).\(number >> 16 & 0xFF).\(number >> 8 & 0xFF).\(number & 0xFF)"
    }
}
