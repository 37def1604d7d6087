/// Runs `body` `warmUp` times, then `samples` samples of `iterations` calls each, and reports time and
/// allocations per call. The body is async because the client's calls are; a synchronous body pays one
/// non-suspending await per call, which is part of every caller's cost too.
public func measure(
    _ name: String, iterations: Int, samples: Int = 7, warmUp: Int = 200, _ body: () async throws -> Void
) async rethrows -> Measurement {
    for _ in 0..<warmUp { try await body() }
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
