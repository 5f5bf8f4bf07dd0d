#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The lowest stack address parsing and execution may reach on one thread. They check it where they
/// recurse (nested statements, templates and control structures) and fail with
/// ``TemplateError/isStackExhausted`` instead of overflowing the stack, so that a caller can run
/// templates on its own thread and move to a thread with a larger stack only when they need it.
public struct StackBoundary: Sendable {
    private let address: UInt

    /// The boundary `reserve` bytes above the bottom of the current thread's stack, leaving that much
    /// for the recursion the checks do not cover (functions, printing and encoding values); nil when the
    /// platform does not tell the stack's extent.
    public static func currentThread(reserve: Int) -> StackBoundary? {
        guard let bottom = currentStackBottom() else { return nil }
        return StackBoundary(address: bottom + UInt(reserve))
    }

    /// The bytes of stack left above the boundary at the caller's depth (negative once past it).
    public var remaining: Int {
        Int(bitPattern: Self.currentAddress) - Int(bitPattern: address)
    }

    /// Whether the caller's frame lies below the boundary.
    var isExceeded: Bool { Self.currentAddress < address }

    /// An address in the caller's frame (stacks grow downwards on every supported platform).
    private static var currentAddress: UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    #if !canImport(Darwin)
    /// `pthread_getattr_np`, which glibc and musl export but Swift's C module leaves out (it needs
    /// `_GNU_SOURCE`).
    private static let threadAttributes: (@convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32).self)
    }()
    #endif

    private static func currentStackBottom() -> UInt? {
        #if canImport(Darwin)
        let thread = pthread_self()
        return UInt(bitPattern: pthread_get_stackaddr_np(thread)) - UInt(pthread_get_stacksize_np(thread))
        #else
        guard let getAttributes = threadAttributes else { return nil }
        var attributes = pthread_attr_t()
        guard getAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var base: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &base, &size) == 0, let base else { return nil }
        return UInt(bitPattern: base)
        #endif
    }
}
