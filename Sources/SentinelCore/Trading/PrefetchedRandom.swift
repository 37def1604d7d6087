#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// The system's random bits, two draws taken from a process-wide pool that one `getentropy` call refills 256 bytes at
/// a time: `SystemRandomNumberGenerator` costs a call into the kernel per draw, and a client order id needs two.
/// Every word is handed out once. Further draws come from the system generator.
struct PrefetchedRandom: RandomNumberGenerator {
    private var words: (UInt64, UInt64) = (0, 0)
    private var taken = 2

    init() {
        if let pair = RandomPool.shared.withLock({ $0.takePair() }) {
            words = pair
            taken = 0
        }
    }

    mutating func next() -> UInt64 {
        defer { taken += 1 }
        switch taken {
        case 0: return words.0
        case 1: return words.1
        default:
            var system = SystemRandomNumberGenerator()
            return system.next()
        }
    }
}

/// Random words fetched from the kernel in bulk, each given out once.
private struct RandomPool: ~Copyable {
    static let shared = Mutex(RandomPool())
    private static let capacity = 32

    private var words = [UInt64](repeating: 0, count: capacity)
    private var next = capacity

    /// Two unused words, or nil if the kernel gave none (then the caller draws from the system generator).
    mutating func takePair() -> (UInt64, UInt64)? {
        if next + 2 > Self.capacity {
            let fetched = words.withUnsafeMutableBytes { getentropy($0.baseAddress, $0.count) }
            guard fetched == 0 else { return nil }
            next = 0
        }
        defer { next += 2 }
        return (words[next], words[next + 1])
    }
}
