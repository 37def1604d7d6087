import SentinelCore
import Testing

@testable import SentinelExchanges

/// Parsing real recorded Binance answers and the documented exchangeInfo shapes.
@Suite(.timeLimit(.minutes(5))) struct BinanceWireTests {
    func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try WireDecoding.decode(type, from: Fixture.bytes("binance/" + name), exchange: .binance, endpoint: name)
    }

    @Test func spotMarketsAndRulesFromExchangeInfo() throws {
        let info = try decode(BinanceWire.ExchangeInfo.self, "exchange-info-spot.json")
        let markets = BinanceMarkets.markets(from: info, product: .spot)
        #expect(markets.count == 2)
        let btc = try #require(markets.first { $0.nativeSymbol == "BTCUSDT" })
        #expect(btc.symbol.description == "BTC/USDT")
        #expect(btc.isTrading)
        #expect(btc.rules.tickSize.description == "0.01000000")
        #expect(btc.rules.stepSize == (try Quantity("0.00001")))
        #expect(btc.rules.minNotional == (try Amount("5")))
        #expect(btc.rules.marketStepSize == nil)  // 0 disables the rule
        #expect(btc.rules.percentPriceUp == (try ExactDecimal("5")))
        let old = try #require(markets.first { $0.nativeSymbol == "OLDCOINBTC" })
        #expect(!old.isTrading)
        #expect(old.rules.minNotional == (try Amount("0.0001")))
        #expect(BinanceEndpoints.pools(from: info.rateLimits ?? []).count == 3)
    }

    @Test func usdmPerpetualsOnlyWithTheirSettleAsset() throws {
        let info = try decode(BinanceWire.ExchangeInfo.self, "exchange-info-usdm.json")
        let markets = BinanceMarkets.markets(from: info, product: .linear)
        #expect(markets.map(\.symbol.description) == ["BTC/USDT:USDT"])
        #expect(markets[0].rules.minNotional == (try Amount("100")))
        #expect(markets[0].rules.percentPriceDown == (try ExactDecimal("0.95")))
    }

    @Test func recordedOrdersParse() throws {
        let placed = try decode(BinanceWire.OrderBody.self, "spot-order-new.json")
        let order = BinanceOrderMapping.order(placed, symbol: UnifiedSymbol("SOL/USDT")!)
        #expect(order.id == "9780331417")
        #expect(order.price?.description == "241.00000000")
        #expect(order.quantity.description == "0.05000000")
        #expect(order.side == .buy)

        let filled = BinanceOrderMapping.order(
            try decode(BinanceWire.OrderBody.self, "spot-order-filled.json"), symbol: UnifiedSymbol("LTC/USDT")!)
        #expect(filled.status == .filled)
        #expect(filled.type == .market)
        #expect(filled.price == nil)
        #expect(filled.averagePrice == (try Price("90.8")))
        #expect(filled.createdAt == 1_679_571_174_472)

        let open = try decode([BinanceWire.OrderBody].self, "spot-open-orders.json")
        #expect(BinanceOrderMapping.order(open[0], symbol: UnifiedSymbol("LTC/USDT")!).postOnly)
        let futures = try decode([BinanceWire.OrderBody].self, "usdm-open-orders.json")
        #expect(futures[0].reduceOnly?.value == false)
    }

    @Test func recordedBalancesAndPositionsParse() throws {
        let account = try decode(BinanceWire.SpotAccount.self, "spot-account.json")
        #expect(!account.balances.isEmpty)
        let positions = try decode([BinanceWire.PositionRisk].self, "usdm-position-risk.json")
        #expect(positions[0].positionAmt == (try ExactDecimal("0.009")))
        #expect(positions[0].entryPrice == (try ExactDecimal("67445.9")))
    }

    @Test func malformedAnswersBecomeBadResponseWithThePlace() {
        do {
            _ = try WireDecoding.decode(
                BinanceWire.OrderBody.self, from: Array(#"{"symbol":"X","orderId":1}"#.utf8), exchange: .binance,
                endpoint: "/api/v3/order")
            Issue.record("accepted")
        } catch {
            #expect(error.kind == .badResponse)
            #expect(error.diagnosis.evidence.contains { $0.value.contains("missing origQty") })
        }
        #expect(throws: SentinelError.self) {
            try WireDecoding.decode(BinanceWire.ServerTime.self, from: Array("<html>".utf8), exchange: .binance, endpoint: "/x")
        }
        #expect(throws: SentinelError.self) {
            try WireDecoding.decode(
                BinanceWire.SpotBalance.self, from: Array(#"{"asset":"BTC","free":"1e","locked":"0"}"#.utf8),
                exchange: .binance, endpoint: "/x")
        }
    }
}

@Suite(.timeLimit(.minutes(5))) struct BinanceErrorTests {
    func map(_ code: Int, _ message: String, _ exchange: ExchangeID = .binance, status: Int = 400, product: Product = .spot)
        -> SentinelError
    {
        BinanceErrors.map(
            code: code, message: message,
            context: .init(
                venue: try! Venue(exchange, product, .live), httpStatus: status, path: "/api/v3/order",
                clockSummary: "+2412 ms (±3 ms, round trip 6 ms)", retryAfterSeconds: 30))
    }

    @Test func clockDriftCarriesTheMeasuredOffsetAndHowToSync() {
        let error = map(-1021, "Timestamp for this request was 1000ms ahead of the server's time.")
        #expect(error.kind == .invalidTimestamp)
        #expect(error.exchangeCode == "-1021")
        #expect(error.diagnosis.evidence.contains { $0.value.contains("+2412 ms") })
        #expect(error.diagnosis.fix.contains { $0.contains("timedatectl") })
        #expect(error.diagnosis.fix.contains { $0.contains("Windows") })
    }

    @Test func invalidKeyNamesTheDomainMixUp() {
        let global = map(-2015, "Invalid API-key, IP, or permissions for action.", status: 401)
        #expect(global.kind == .authentication)
        #expect(global.diagnosis.fix[0].contains("binance.us"))
        let us = map(-2015, "Invalid API-key, IP, or permissions for action.", .binanceUS, status: 401)
        #expect(us.diagnosis.fix[0].contains("binance.com"))
        #expect(global.diagnosis.fix.contains { $0.contains("whitelist") })
        let futures = map(-2008, "Invalid Api-Key ID.", product: .linear)
        #expect(futures.diagnosis.fix.contains { $0.contains("Demo Trading") })
    }

    @Test func orderAndBalanceRejections() {
        #expect(map(-2010, "Account has insufficient balance for requested action.").kind == .insufficientFunds)
        #expect(map(-2010, "Duplicate order sent.").kind == .duplicateOrder)
        #expect(map(-2010, "Order would immediately match and take.").kind == .invalidOrder)
        #expect(map(-1013, "Filter failure: LOT_SIZE").diagnosis.fix[0].contains("step size"))
        #expect(map(-2019, "Margin is insufficient.").kind == .insufficientFunds)
        #expect(map(-2011, "Unknown order sent.").kind == .orderNotFound)
        #expect(map(-2013, "Order does not exist.").kind == .orderNotFound)
        #expect(map(-1022, "Signature for this request is not valid.").kind == .authentication)
    }

    /// Codes from Binance's published list that used to fall through to a generic "refused the request".
    @Test(arguments: [
        (-2039, "Client order ID is not correct for this order ID.", SentinelError.Kind.invalidInput, "not both"),
        (-5021, "Due to the order could not be filled immediately, the FOK order has been rejected.", .invalidOrder, "IOC"),
        (-2022, "ReduceOnly Order is rejected.", .invalidOrder, "closes"),
        (-4015, "Client order id is not valid.", .invalidInput, "1–36"),
        (-1106, "Parameter 'price' sent when not required.", .invalidInput, "leave out"),
        (-1125, "This listenKey does not exist.", .authentication, "listen key"),
    ])
    func publishedCodesHaveTheirOwnDiagnosis(code: Int, message: String, kind: SentinelError.Kind, fix: String) {
        let error = map(code, message, product: .linear)
        #expect(error.kind == kind)
        #expect(error.exchangeCode == String(code))
        #expect(error.diagnosis.fix.joined().contains(fix), "\(error.diagnosis.fix)")
        #expect(!error.diagnosis.cause.contains("refused the request"))
    }

    @Test func rateLimitsAndBans() {
        let limited = map(-1003, "Too much request weight used", status: 429)
        #expect(limited.kind == .rateLimited)
        #expect(limited.retryAfterSeconds == 30)
        let banned = map(-1003, "Way too much request weight used; IP banned until 1700000000000.", status: 418)
        #expect(banned.kind == .ipBanned)
        #expect(banned.diagnosis.fix[0].contains("30 s"))
        #expect(map(-1000, "An unknown error occurred", status: 500).kind == .exchangeUnavailable)
    }
}
