import SentinelCore

/// scrypt's cost parameters, recorded in the vault's header. Bounded both ways when read so that a hostile file
/// can neither make unlocking take minutes or exhaust memory, nor pass for a real vault with no cost at all.
public struct KDFParameters: Sendable, Hashable, CustomStringConvertible {
    /// N = 2^log2N, the number of rounds (memory and time grow with it).
    public let log2N: UInt8
    /// r, the block size (memory and time grow with it).
    public let blockSize: UInt32
    /// p, the number of independent lanes (time grows with it).
    public let parallelism: UInt32

    /// N = 2^18, r = 8, p = 1: 256 MiB and about 0.8 s to unlock (release build, one core of our 2-core CI
    /// machine; 2^17 took 0.4 s, under the half second to one second aimed for). The default for every vault a
    /// person creates.
    public static let standard = KDFParameters(unchecked: 18, 8, 1)

    /// N = 2^10, r = 8, p = 1: milliseconds to unlock. For tests only; the header records it like any other
    /// parameters, and Sentinel warns whenever it opens a vault below `standard`.
    public static let weakForTesting = KDFParameters(unchecked: 10, 8, 1)

    /// The accepted range: from `weakForTesting` up to 512 MiB of memory and twice the standard's work (about
    /// 1.6 s), so that a hostile file can cost at most that.
    public static let smallestLog2N: UInt8 = 10
    public static let largestMemoryBytes = 512 << 20
    public static let largestWork = 4 << 20

    public init(log2N: UInt8, blockSize: UInt32, parallelism: UInt32) throws(SentinelError) {
        let candidate = KDFParameters(unchecked: log2N, blockSize, parallelism)
        guard candidate.isWithinBounds else {
            throw VaultError.unsafeParameters(candidate.description, path: nil)
        }
        self = candidate
    }

    private init(unchecked log2N: UInt8, _ blockSize: UInt32, _ parallelism: UInt32) {
        self.log2N = log2N
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// Checked arithmetic throughout: the values come from a file that may be hostile. Within these bounds the
    /// crypto library (BoringSSL's `EVP_PBE_scrypt`, as swift-crypto calls it) accepts every combination, so a
    /// refusal by the library can only mean a machine short of memory, never a file that slipped through.
    var isWithinBounds: Bool {
        guard log2N >= Self.smallestLog2N, log2N <= 24, (1...16).contains(blockSize), (1...16).contains(parallelism)
        else { return false }
        let rounds = 1 << Int(log2N)
        let (memory, memoryOverflow) = (128 * Int(blockSize)).multipliedReportingOverflow(by: rounds)
        let (work, workOverflow) = (rounds * Int(blockSize)).multipliedReportingOverflow(by: Int(parallelism))
        return !memoryOverflow && !workOverflow && memory <= Self.largestMemoryBytes && work <= Self.largestWork
            && isAcceptedByCryptoLibrary
    }

    /// BoringSSL's own checks: N < 2^(16·r) (so r = 1 allows at most N = 2^15), and the scratch space of N + p + 1
    /// blocks fitting in the memory limit swift-crypto passes (128·N·r·p plus one page, at least 4 KiB). r ≤ 16
    /// keeps the second true for p = 1 (a 4 KiB page holds 32/r ≥ 2 spare blocks).
    private var isAcceptedByCryptoLibrary: Bool {
        let rounds = 1 << Int(log2N)
        let r = Int(blockSize)
        let p = Int(parallelism)
        if 16 * r <= 63, rounds >= 1 << (16 * r) { return false }
        let spareBlocks = 4096 / (128 * r)
        return rounds * p + spareBlocks >= rounds + p + 1
    }

    /// Cheaper than the standard in memory or time.
    public var isBelowStandard: Bool {
        log2N < Self.standard.log2N
            || (1 << Int(log2N)) * Int(blockSize) * Int(parallelism)
                < (1 << Int(Self.standard.log2N)) * Int(Self.standard.blockSize)
    }

    public var rounds: Int { 1 << Int(log2N) }

    public var description: String { "scrypt N=2^\(log2N) r=\(blockSize) p=\(parallelism)" }
}
