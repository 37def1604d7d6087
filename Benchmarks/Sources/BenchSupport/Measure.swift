/// Runs `body` at least `warmUp` times and for at least `warmUpSeconds`, then `samples` samples of `iterations` calls
/// each, and reports time and allocations per call. The warm-up is timed as well as counted because a count alone
/// warms a fast body for a few milliseconds only (200 of Sentinel's orders take 2–3 ms, 200 of ccxt's 40–60 ms);
/// ccxt_overhead.py warms up the same way. The body is async because the client's calls are; a synchronous body pays
/// one non-suspending await per call, which is part of every caller's cost too.
public func measure(
    _ name: String, iterations: Int, samples: Int = 7, warmUp: Int = 200, warmUpSeconds: Double = 0.2,
    _ body: () async throws -> Void
) async rethrows -> Measurement {
    let warmUpEnd = monotonicNs() + UInt64(warmUpSeconds * 1e9)
    var warmed = 0
    while warmed < warmUp || monotonicNs() < warmUpEnd {
        try await body()
        warmed += 1
    }
    var times: [Double] = []
    var fewestAllocations = Double.infinity
    for _ in 0..<samples {
        let allocationsBefore = allocationCount()
        let started = monotonicNs()
        for _ in 0..<iterations { try await body() }
        let elapsed = monotonicNs() - started
        let allocations = allocationCount() - allocationsBefore
        times.append(Double(elapsed) / Double(iterations))
        fewestAllocations = min(fewestAllocations, Double(allocations) / Double(iterations))
    }
    return Measurement(name: name, samplesNs: times, allocationsPerCall: fewestAllocations)
}

/// Keeps the optimiser from removing a value the benchmark computes.
@inline(never)
public func keep<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
