import SentinelCore

/// One market's price history in candles: minute candles recorded from the live walk and the fills since the
/// simulator started, and before that a deterministic synthetic past that ends exactly at the starting price, so
/// that a bot asking for the last 500 candles at start-up gets a plausible series rather than a flat line.
struct CandleHistory: Sendable {
    struct Candle: Sendable, Equatable {
        var openTime: Int64
        var open: ExactDecimal
        var high: ExactDecimal
        var low: ExactDecimal
        var close: ExactDecimal
        var volume: ExactDecimal = .zero
        var quoteVolume: ExactDecimal = .zero
        var trades: Int64 = 0
    }

    static let minuteMs: Int64 = 60_000
    static let hourMs: Int64 = 3_600_000
    /// Two weeks of recorded minutes; older ones are dropped (the synthetic past does not reach past the origin).
    static let keptMinutes = 20_160

    let origin: Int64
    let startPrice: ExactDecimal
    let tick: ExactDecimal
    let seed: UInt64
    private(set) var minutes: [Int64: Candle] = [:]
    private var lastPrice: ExactDecimal

    init(origin: Int64, startPrice: ExactDecimal, tick: ExactDecimal, seed: UInt64) {
        self.origin = origin
        self.startPrice = startPrice
        self.tick = tick
        self.seed = seed
        lastPrice = startPrice
    }

    mutating func record(price: ExactDecimal, at time: Int64) {
        update(at: time) { candle in
            candle.close = price
            candle.high = .max(candle.high, price)
            candle.low = .min(candle.low, price)
        }
        lastPrice = price
    }

    mutating func record(trade price: ExactDecimal, quantity: ExactDecimal, at time: Int64) {
        record(price: price, at: time)
        update(at: time) { candle in
            candle.volume = candle.volume + quantity
            candle.quoteVolume = candle.quoteVolume + price * quantity
            candle.trades += 1
        }
    }

    private mutating func update(at time: Int64, _ change: (inout Candle) -> Void) {
        let minute = time / Self.minuteMs
        var candle =
            minutes[minute]
            ?? Candle(openTime: minute * Self.minuteMs, open: lastPrice, high: lastPrice, low: lastPrice, close: lastPrice)
        change(&candle)
        minutes[minute] = candle
        if minutes.count > Self.keptMinutes, let oldest = minutes.keys.min() { minutes[oldest] = nil }
    }

    /// The candles of `intervalMs` (a whole number of minutes) that open in `start…end`, at most `limit`: from
    /// `start` forward when it is given, else the latest up to `end`. The current candle is still open.
    /// `shift` moves the grid: candles open where `time + shift` is a multiple of the interval (weeks on Monday).
    func candles(intervalMs: Int64, shift: Int64 = 0, start: Int64?, end: Int64, limit: Int) -> [Candle] {
        let start = start.map { $0 + shift }
        let end = end + shift
        let lastOpen = end / intervalMs * intervalMs
        var openTimes: [Int64] = []
        if let start {
            var time = (start + intervalMs - 1) / intervalMs * intervalMs
            while time <= lastOpen, openTimes.count < limit {
                openTimes.append(time)
                time += intervalMs
            }
        } else {
            var time = lastOpen
            while openTimes.count < limit, time >= 0 {
                openTimes.append(time)
                time -= intervalMs
            }
            openTimes.reverse()
        }
        openTimes = openTimes.map { $0 - shift }
        guard let first = openTimes.first else { return [] }
        // The close carried into minutes nobody traded or asked in, found once and then passed along.
        var carried = price(before: first)
        return openTimes.map { candle(openTime: $0, intervalMs: intervalMs, carried: &carried) }
    }

    private func candle(openTime: Int64, intervalMs: Int64, carried: inout ExactDecimal) -> Candle {
        let closeTime = openTime + intervalMs
        let firstRecorded = origin / Self.minuteMs * Self.minuteMs
        if closeTime <= firstRecorded { return synthetic(openTime: openTime, intervalMs: intervalMs) }
        var result: Candle?
        if openTime < firstRecorded { carried = startPrice }
        var minute = max(openTime, firstRecorded)
        while minute < closeTime {
            let piece =
                minutes[minute / Self.minuteMs]
                ?? Candle(openTime: minute, open: carried, high: carried, low: carried, close: carried)
            carried = piece.close
            if var merged = result {
                merged.high = .max(merged.high, piece.high)
                merged.low = .min(merged.low, piece.low)
                merged.close = piece.close
                merged.volume = merged.volume + piece.volume
                merged.quoteVolume = merged.quoteVolume + piece.quoteVolume
                merged.trades += piece.trades
                result = merged
            } else {
                result = piece
            }
            minute += Self.minuteMs
        }
        var candle = result ?? Candle(openTime: openTime, open: carried, high: carried, low: carried, close: carried)
        candle.openTime = openTime
        if openTime < firstRecorded {
            let before = synthetic(openTime: openTime, intervalMs: firstRecorded - openTime)
            candle.open = before.open
            candle.high = .max(candle.high, before.high)
            candle.low = .min(candle.low, before.low)
            candle.volume = candle.volume + before.volume
            candle.quoteVolume = candle.quoteVolume + before.quoteVolume
            candle.trades += before.trades
        }
        return candle
    }

    /// The close of the last recorded minute before `time`, or the starting price.
    private func price(before time: Int64) -> ExactDecimal {
        let minute = time / Self.minuteMs
        guard let latest = minutes.keys.filter({ $0 < minute }).max() else { return startPrice }
        return minutes[latest]?.close ?? startPrice
    }

    // MARK: The synthetic past

    /// Opens at the past price of `openTime` and closes at that of its end, so neighbouring candles join up and the
    /// last one closes at the starting price; wicks and volume are drawn from the candle's own hash.
    private func synthetic(openTime: Int64, intervalMs: Int64) -> Candle {
        let open = pastPrice(at: openTime)
        let close = pastPrice(at: openTime + intervalMs)
        // The past is linear between whole hours, so its extremes inside the candle lie on them.
        var highest = ExactDecimal.max(open, close)
        var lowest = ExactDecimal.min(open, close)
        // Long candles sample at most 48 of those hours (a week's candle every 3½ hours).
        let step = max(Self.hourMs, intervalMs / 48 / Self.hourMs * Self.hourMs)
        var hour = (openTime / Self.hourMs + 1) * Self.hourMs
        while hour < openTime + intervalMs {
            let price = pastPrice(at: hour)
            highest = .max(highest, price)
            lowest = .min(lowest, price)
            hour += step
        }
        let draw = mix(UInt64(bitPattern: openTime) &+ UInt64(bitPattern: intervalMs) &* 31)
        let minutes = max(1, intervalMs / Self.minuteMs)
        let wickBasisPoints = Int(draw % 4) + 1
        let high = onTick(highest * factor(basisPoints: wickBasisPoints))
        let low = onTick(lowest * factor(basisPoints: -wickBasisPoints))
        let volume = ExactDecimal(Int((draw >> 8) % 900) + 100) * ExactDecimal(Int(minutes)) * ExactDecimal.literal("0.001")
        return Candle(
            openTime: openTime, open: open, high: high, low: low, close: close, volume: volume,
            quoteVolume: (volume * close).roundedDown(places: 8), trades: Int64(minutes) * Int64(draw % 20 + 1))
    }

    /// The starting price moved by a walk through hourly anchors (±0.3 %) and daily ones (±2 %), linear in between
    /// and zero at the origin: about the size of BTC's moves.
    func pastPrice(at time: Int64) -> ExactDecimal {
        let offset = basisPoints(at: time) - basisPoints(at: origin)
        return onTick(startPrice * factor(basisPoints: offset))
    }

    private func basisPoints(at time: Int64) -> Int {
        interpolated(time, every: Self.hourMs, span: 30, salt: 1) + interpolated(time, every: 86_400_000, span: 200, salt: 2)
    }

    private func interpolated(_ time: Int64, every period: Int64, span: Int, salt: UInt64) -> Int {
        let index = time >= 0 ? time / period : (time - period + 1) / period
        let into = time - index * period
        let a = anchor(index, span: span, salt: salt)
        let b = anchor(index + 1, span: span, salt: salt)
        return a + Int(Int64(b - a) * into / period)
    }

    private func anchor(_ index: Int64, span: Int, salt: UInt64) -> Int {
        Int(mix(UInt64(bitPattern: index) &* 0x9E37_79B9_7F4A_7C15 &+ salt) % UInt64(2 * span + 1)) - span
    }

    private func mix(_ value: UInt64) -> UInt64 {
        var generator = SeededGenerator(seed: seed ^ value)
        return generator.next()
    }

    private func factor(basisPoints: Int) -> ExactDecimal {
        ExactDecimal(10_000 + basisPoints).over(ExactDecimal(10_000))
    }

    private func onTick(_ price: ExactDecimal) -> ExactDecimal {
        let rounded = (try? price.rounded(toMultipleOf: tick, .halfEven)) ?? price
        return rounded.isPositive ? rounded : tick
    }
}
