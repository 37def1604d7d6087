import SentinelCore

/// Candlesticks (`klines`, and spot's `uiKlines`) from the market's candle history: the recorded walk and fills
/// since the simulator started, a synthetic past before it.
extension BinanceDialect {
    static func klineEndpoints(futures: Bool) -> [BinanceEndpoint] {
        if futures {
            return [BinanceEndpoint("GET", "/fapi/v1/klines", .none, weight: futuresKlineWeight, handler: klines)]
        }
        return [
            BinanceEndpoint("GET", "/api/v3/klines", .none, weight: 2, handler: klines),
            BinanceEndpoint("GET", "/api/v3/uiKlines", .none, weight: 2, handler: klines),
        ]
    }

    /// USDⓈ-M charges by `limit`: 1 below 100, 2 below 500, 5 up to 1000, 10 above.
    static func futuresKlineWeight(_ parameters: BinanceParameters) -> Int {
        switch Int(parameters["limit"] ?? "500") ?? 500 {
        case ..<100: 1
        case ..<500: 2
        case ...1000: 5
        default: 10
        }
    }

    /// The intervals in whole minutes. Spot's `1s` and the calendar month `1M` are not simulated.
    static let klineIntervals: [String: Int64] = [
        "1m": 1, "3m": 3, "5m": 5, "15m": 15, "30m": 30, "1h": 60, "2h": 120, "4h": 240, "6h": 360, "8h": 480,
        "12h": 720, "1d": 1440, "3d": 4320, "1w": 10080,
    ]

    static func klines(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let market = try call.market(&state)
        let name = try call.parameters.required("interval")
        guard let minutes = klineIntervals[name] else { throw .invalidInterval }
        let futures = call.flavor == .usdm
        let limit = Int(try call.parameters.integer("limit") ?? 500)
        guard (1...(futures ? 1500 : 1000)).contains(limit) else { throw .mandatory("limit") }
        let start = try call.parameters.integer("startTime")
        let end = min(try call.parameters.integer("endTime") ?? call.now, call.now)
        let intervalMs = minutes * CandleHistory.minuteMs
        // Weeks open on Monday 00:00 UTC: the epoch was a Thursday, so Mondays are 3 days short of a whole week.
        let shift: Int64 = name == "1w" ? 3 * 86_400_000 : 0
        let candles = market.candles.candles(intervalMs: intervalMs, shift: shift, start: start, end: end, limit: limit)
        let format = BinanceMarketFormat(rules: market.rules)
        let price: (ExactDecimal) -> String = futures ? { format.price($0) } : { $0.fixed(8) }
        let quantity: (ExactDecimal) -> String = futures ? { format.quantity($0) } : { $0.fixed(8) }
        let quote: (ExactDecimal) -> String = futures ? { $0.fixed(4) } : { $0.fixed(8) }
        return .array(
            candles.map { candle in
                let openTime = candle.openTime
                let takerBase = candle.volume.over(2, places: 8)
                return .array([
                    .int(openTime), .string(price(candle.open)), .string(price(candle.high)),
                    .string(price(candle.low)), .string(price(candle.close)), .string(quantity(candle.volume)),
                    .int(openTime + intervalMs - 1), .string(quote(candle.quoteVolume)), .int(candle.trades),
                    .string(quantity(takerBase)), .string(quote(candle.quoteVolume.over(2, places: 8))), .string("0"),
                ])
            })
    }
}
