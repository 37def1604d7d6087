#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system's random bits, two draws fetched with one `getentropy` call: `SystemRandomNumberGenerator` costs a
/// call into the kernel per draw, and a client order id needs two. Further draws come from the system generator.
struct PrefetchedRandom: RandomNumberGenerator {
    private var words: (UInt64, UInt64) = (0, 0)
    private var taken = 2

    init() {
        let fetched = withUnsafeMutableBytes(of: &words) { getentropy($0.baseAddress, $0.count) }
        if fetched == 0 { taken = 0 }
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
