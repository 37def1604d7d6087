import SentinelCore

/// A deterministic random walk: every `stepMilliseconds` the mid moves by a whole number of basis points drawn from
/// a generator seeded per market, so two runs with the same seed see the same path. Setting a price pins it there
/// (tests and rehearsals need a market that stays put).
struct PriceProcess: Sendable {
    static let stepMilliseconds: Int64 = 1000
    static let maxMoveBasisPoints: UInt64 = 1

    private(set) var price: Price
    private(set) var pinned = false
    private var step: Int64
    private var generator: SeededGenerator
    private let origin: Int64
    private let tick: Price

    init(initialPrice: Price, tick: Price, seed: UInt64, origin: Int64) {
        price = initialPrice
        self.tick = tick
        generator = SeededGenerator(seed: seed)
        self.origin = origin
        step = 0
    }

    /// Advances the walk to `now`; returns true when the price moved.
    mutating func advance(to now: Int64) -> Bool {
        let target = max(0, (now - origin) / Self.stepMilliseconds)
        guard target > step else { return false }
        // A clock jumped far ahead does not need every intermediate step, only a bounded number of them.
        let steps = min(target - step, 1000)
        step = target
        guard !pinned else { return false }
        let before = price
        for _ in 0..<steps {
            let span = Self.maxMoveBasisPoints * 2 + 1
            let basisPoints = Int(generator.next() % span) - Int(Self.maxMoveBasisPoints)
            let factor = ExactDecimal(10_000 + basisPoints)
            if let moved = try? price.value.multiplied(by: factor).divided(by: 10_000, places: 8, rounding: .halfEven),
                let onTick = try? Price(moved).rounded(toMultipleOf: tick, .halfEven), onTick.isPositive
            {
                price = onTick
            }
        }
        return price != before
    }

    /// Moves the market to `newPrice` and holds it there.
    mutating func pin(at newPrice: Price) {
        price = newPrice
        pinned = true
    }
}
