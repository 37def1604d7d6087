#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// The system's random bits, taken from a process-wide pool that one `getentropy` call refills 256 bytes at a time:
/// `SystemRandomNumberGenerator` costs a call into the kernel per draw, and a client order id needs two. Every word
/// is handed out once; if the kernel gives none, draws come from the system generator.
struct PrefetchedRandom: RandomNumberGenerator {
    mutating func next() -> UInt64 {
        if let word = RandomPool.shared.withLock({ $0.take() }) { return word }
        var system = SystemRandomNumberGenerator()
        return system.next()
    }
}

/// Random words fetched from the kernel in bulk, each given out once.
private struct RandomPool: ~Copyable {
    static let shared = Mutex(RandomPool())
    private static let capacity = 32

    private var words = [UInt64](repeating: 0, count: capacity)
    private var next = capacity

    /// An unused word, or nil if the kernel gave none.
    mutating func take() -> UInt64? {
        if next == Self.capacity {
            let fetched = words.withUnsafeMutableBytes { getentropy($0.baseAddress, $0.count) }
            guard fetched == 0 else { return nil }
            next = 0
        }
        defer { next += 1 }
        return words[next]
    }
}
