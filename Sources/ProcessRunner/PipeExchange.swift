import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Feeds a child's standard input and drains its standard output and error from one thread with
/// `poll`, so that neither side can stall on a full pipe and the deadline is honoured even when a
/// descendant keeps a pipe open.
struct PipeExchange {
    /// How the exchange ended.
    enum Outcome: Equatable {
        case finished, timedOut, outputTooLarge
    }

    private let input: [UInt8]
    private var inputFD: Int32
    private var outputFD: Int32
    private var errorFD: Int32
    private let outputLimit: Int
    private var written = 0
    private(set) var output: [UInt8] = []
    private(set) var errors: [UInt8] = []

    init(input: [UInt8], inputFD: Int32, outputFD: Int32, errorFD: Int32, outputLimit: Int) {
        self.input = input
        self.inputFD = inputFD
        self.outputFD = outputFD
        self.errorFD = errorFD
        self.outputLimit = outputLimit
        if inputFD >= 0 {
            _ = fcntl(inputFD, F_SETFL, fcntl(inputFD, F_GETFL) | O_NONBLOCK)
            if input.isEmpty { closeInput() }
        }
    }

    /// Moves bytes until both output pipes reach end-of-file, the deadline passes or output overflows.
    mutating func pump(until deadline: ContinuousClock.Instant) -> Outcome {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while outputFD >= 0 || errorFD >= 0 {
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero { return .timedOut }
            var descriptors: [pollfd] = []
            if outputFD >= 0 { descriptors.append(pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0)) }
            if errorFD >= 0 { descriptors.append(pollfd(fd: errorFD, events: Int16(POLLIN), revents: 0)) }
            if inputFD >= 0 { descriptors.append(pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)) }
            let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&descriptors, nfds_t(descriptors.count), min(milliseconds, 1000))
            if ready < 0 && errno != EINTR { return .finished }
            for descriptor in descriptors where descriptor.revents != 0 {
                if descriptor.fd == inputFD {
                    feedInput()
                    continue
                }
                let count = read(descriptor.fd, &buffer, buffer.count)
                if count > 0 {
                    if descriptor.fd == outputFD { output.append(contentsOf: buffer[0..<count]) } else { errors.append(contentsOf: buffer[0..<count]) }
                    if output.count > outputLimit || errors.count > outputLimit { return .outputTooLarge }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(descriptor.fd)
                    if descriptor.fd == outputFD { outputFD = -1 } else { errorFD = -1 }
                }
            }
        }
        return .finished
    }

    /// Closes whatever is still open (after a timeout or overflow).
    mutating func closeAll() {
        closeInput()
        if outputFD >= 0 { close(outputFD) }
        if errorFD >= 0 { close(errorFD) }
        outputFD = -1
        errorFD = -1
    }

    private mutating func feedInput() {
        let count = input.withUnsafeBufferPointer { bytes in
            write(inputFD, bytes.baseAddress! + written, min(bytes.count - written, 65_536))
        }
        if count > 0 { written += count }
        // A reader that went away (EPIPE) or all bytes written both end the input side.
        if written >= input.count || (count < 0 && errno != EAGAIN && errno != EINTR) { closeInput() }
    }

    private mutating func closeInput() {
        if inputFD >= 0 { close(inputFD) }
        inputFD = -1
    }
}
