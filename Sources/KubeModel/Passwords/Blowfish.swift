/// The Blowfish block cipher with the key schedules bcrypt needs: the standard one and the "expensive"
/// salted one (EksBlowfish) from Provos and Mazières' bcrypt paper.
struct Blowfish {
    /// π's digits after the point: 18 subkeys, then four S-boxes of 256 words.
    private static let initialState = PiFraction.words(18 + 4 * 256)

    /// The 18 subkeys followed by the four S-boxes, in one array so that key expansion walks it once.
    private var state: [UInt32]

    /// A cipher in the initial state, keyed by `key` and `salt` (bcrypt's `EksBlowfishSetup` first step).
    init(key: [UInt8], salt: [UInt8]) {
        state = Self.initialState
        expand(key: key, salt: salt)
    }

    /// Mixes `key` into the subkeys, then re-encrypts the whole state, XORing the running block with
    /// `salt` when there is one (the standard schedule passes no salt).
    mutating func expand(key: [UInt8], salt: [UInt8]? = nil) {
        var keyPosition = 0
        for index in 0..<18 { state[index] ^= Self.word(key, at: &keyPosition) }
        var left: UInt32 = 0, right: UInt32 = 0
        var saltPosition = 0
        var index = 0
        while index < state.count {
            if let salt {
                left ^= Self.word(salt, at: &saltPosition)
                right ^= Self.word(salt, at: &saltPosition)
            }
            (left, right) = encrypt(left, right)
            state[index] = left
            state[index + 1] = right
            index += 2
        }
    }

    /// Encrypts one 64-bit block given as its big-endian halves.
    func encrypt(_ left: UInt32, _ right: UInt32) -> (UInt32, UInt32) {
        state.withUnsafeBufferPointer { state in
            var left = left, right = right
            for round in 0..<16 {
                left ^= state[round]
                let a = Int(left >> 24), b = Int(left >> 16 & 0xFF), c = Int(left >> 8 & 0xFF), d = Int(left & 0xFF)
                right ^= ((state[18 + a] &+ state[274 + b]) ^ state[530 + c]) &+ state[786 + d]
                swap(&left, &right)
            }
            return (right ^ state[17], left ^ state[16])
        }
    }

    /// The next four bytes of `bytes`, cycling, as a big-endian word.
    private static func word(_ bytes: [UInt8], at position: inout Int) -> UInt32 {
        var word: UInt32 = 0
        for _ in 0..<4 {
            word = word << 8 | UInt32(bytes[position])
            position = (position + 1) % bytes.count
        }
        return word
    }
}
