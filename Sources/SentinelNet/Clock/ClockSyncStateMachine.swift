/// Estimates the offset between the local clock and the exchange's, without doing any I/O.
///
/// Each sample is one server-time request: the local time it was sent, the server's time, and the local time the
/// answer arrived. The server read its clock somewhere in between, so the best point estimate is the midpoint and
/// the true offset lies within half the round trip of it. The estimate is the median of the samples' offsets
/// (robust to one slow answer); its error bound is half the fastest round trip.
public struct ClockSyncStateMachine: Sendable {
    public struct Sample: Sendable, Hashable {
        public let sentAtMs: Int64
        public let serverTimeMs: Int64
        public let receivedAtMs: Int64

        public init(sentAtMs: Int64, serverTimeMs: Int64, receivedAtMs: Int64) {
            self.sentAtMs = sentAtMs
            self.serverTimeMs = serverTimeMs
            self.receivedAtMs = receivedAtMs
        }

        public var roundTripMs: Int64 { max(0, receivedAtMs - sentAtMs) }
        /// Server minus local at the midpoint of the round trip.
        public var offsetMs: Int64 { serverTimeMs - (sentAtMs + receivedAtMs) / 2 }
    }

    public enum Action: Sendable, Equatable {
        /// Request the server time and report it with `record(_:)` or `sampleFailed()`.
        case takeSample
        case finished(ClockEstimate)
        /// No usable sample: the server time could not be read.
        case failed(attempts: Int)
    }

    public let wantedSamples: Int
    public let maxAttempts: Int
    private(set) var samples: [Sample] = []
    private(set) var attempts = 0

    public init(wantedSamples: Int = 5, maxAttempts: Int = 8) {
        precondition(wantedSamples > 0 && maxAttempts >= wantedSamples)
        self.wantedSamples = wantedSamples
        self.maxAttempts = maxAttempts
    }

    public mutating func start() -> Action {
        samples.removeAll()
        attempts = 0
        return .takeSample
    }

    public mutating func record(_ sample: Sample) -> Action {
        attempts += 1
        samples.append(sample)
        return next()
    }

    public mutating func sampleFailed() -> Action {
        attempts += 1
        return next()
    }

    private func next() -> Action {
        if samples.count >= wantedSamples || (attempts >= maxAttempts && !samples.isEmpty) {
            return .finished(Self.estimate(from: samples))
        }
        if attempts >= maxAttempts { return .failed(attempts: attempts) }
        return .takeSample
    }

    static func estimate(from samples: [Sample]) -> ClockEstimate {
        let offsets = samples.map(\.offsetMs).sorted()
        let trips = samples.map(\.roundTripMs).sorted()
        return ClockEstimate(
            offsetMs: median(offsets), roundTripMs: median(trips), errorBoundMs: ((trips.first ?? 0) + 1) / 2,
            samples: samples.count, measuredAtMs: samples.last?.receivedAtMs ?? 0)
    }

    private static func median(_ sorted: [Int64]) -> Int64 {
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// How far the local clock is from the exchange's, and how sure we are.
public struct ClockEstimate: Sendable, Hashable, Codable {
    /// Exchange time minus local time: add it to the local clock to get the exchange's.
    public let offsetMs: Int64
    public let roundTripMs: Int64
    /// The true offset is within ± this of `offsetMs`.
    public let errorBoundMs: Int64
    public let samples: Int
    public let measuredAtMs: Int64

    public init(offsetMs: Int64, roundTripMs: Int64, errorBoundMs: Int64, samples: Int, measuredAtMs: Int64) {
        self.offsetMs = offsetMs
        self.roundTripMs = roundTripMs
        self.errorBoundMs = errorBoundMs
        self.samples = samples
        self.measuredAtMs = measuredAtMs
    }

    public static let unsynchronized = ClockEstimate(
        offsetMs: 0, roundTripMs: 0, errorBoundMs: 0, samples: 0, measuredAtMs: 0)

    /// "+2412 ms (±4 ms, round trip 9 ms)".
    public var summary: String {
        let sign = offsetMs >= 0 ? "+" : ""
        return "\(sign)\(offsetMs) ms (±\(errorBoundMs) ms, round trip \(roundTripMs) ms)"
    }
}
