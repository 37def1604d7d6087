import MallocCounter

#if canImport(Glibc)
import Glibc
#endif

/// One figure of a benchmark: wall time and heap allocations per call, over several samples.
public struct Measurement: Sendable {
    public var name: String
    /// Nanoseconds per call of each sample, in the order they ran.
    public var samplesNs: [Double]
    /// Heap allocations per call (the same in every sample of a deterministic body; the smallest is kept).
    public var allocationsPerCall: Double

    public init(name: String, samplesNs: [Double], allocationsPerCall: Double) {
        self.name = name
        self.samplesNs = samplesNs
        self.allocationsPerCall = allocationsPerCall
    }

    /// The same figure per item of a call that handles `count` items (a batch).
    public func perItem(of count: Int) -> Measurement {
        Measurement(
            name: name, samplesNs: samplesNs.map { $0 / Double(count) },
            allocationsPerCall: allocationsPerCall / Double(count))
    }

    public var medianNs: Double { Self.median(samplesNs) }

    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// One JSON line: `{"name": …, "median_ns": …, "samples_ns": […], "allocations": …}`.
    public var jsonLine: String {
        let samples = samplesNs.map { String(Int($0.rounded())) }.joined(separator: ",")
        return #"{"name":"\#(name)","median_ns":\#(Int(medianNs.rounded())),"samples_ns":[\#(samples)],"#
            + #""allocations":\#(allocationsPerCall)}"#
    }
}

/// Monotonic nanoseconds.
public func monotonicNs() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Heap allocations of the process so far (every thread).
public func allocationCount() -> UInt64 { sentinel_bench_allocations() }
