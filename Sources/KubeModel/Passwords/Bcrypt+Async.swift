import Dispatch

extension Bcrypt {
    /// bcrypt is deliberately slow (tens of milliseconds at cost 10 in a release build, seconds in a
    /// debug one). On Swift's cooperative pool — two threads on a two-core machine — a burst of
    /// logins would stall every other task of the process, so hashing runs here instead: on one
    /// thread of its own, one hash at a time, which also caps what a login storm can cost.
    private static let queue = DispatchQueue(label: "wharf.bcrypt")

    /// `verify(_:hash:)` off the cooperative pool.
    public static func verifyOffPool(_ password: [UInt8], hash: String) async -> Bool {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: verify(password, hash: hash)) }
        }
    }

    /// `hash(_:cost:)` off the cooperative pool.
    public static func hashOffPool(_ password: [UInt8], cost: Int = defaultCost) async throws(PasswordTooLong) -> String {
        let result: Result<String, PasswordTooLong> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { () throws(PasswordTooLong) in try hash(password, cost: cost) }) }
        }
        return try result.get()
    }
}
