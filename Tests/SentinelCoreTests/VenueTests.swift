import Testing

@testable import SentinelCore

@Suite struct VenueTests {
    @Test func namesAreExactlyTheDesignNames() {
        #expect(ExchangeID.allCases.map(\.rawValue) == ["binance", "binance-us", "bybit", "okx", "kucoin", "bitget"])
        #expect(Product.allCases.map(\.rawValue) == ["spot", "linear", "inverse"])
        #expect(EnvironmentKind.allCases.map(\.rawValue) == ["live", "testnet", "demo"])
        #expect(ExchangeID(name: "Binance.US") == .binanceUS)
        #expect(ExchangeID(name: "BYBIT") == .bybit)
        #expect(ExchangeID(name: "coinbase") == nil)
    }

    @Test(arguments: [
        (ExchangeID.kucoin, Product.spot, EnvironmentKind.demo),
        (.kucoin, .linear, .testnet),
        (.binanceUS, .linear, .live),
        (.binanceUS, .spot, .testnet),
        (.binance, .inverse, .live),
        (.okx, .spot, .testnet),
        (.bitget, .linear, .testnet),
    ])
    func combinationsThatDoNotExistAreRefused(exchange: ExchangeID, product: Product, environment: EnvironmentKind) {
        #expect(!exchange.traits.supports(product, in: environment))
        do {
            _ = try Venue(exchange, product, Environment(environment))
            Issue.record("\(exchange) \(product) \(environment) should not exist")
        } catch {
            #expect(error.kind == .unsupported)
            #expect(!error.diagnosis.fix.isEmpty)
        }
    }

    @Test(arguments: [
        (ExchangeID.binance, Product.linear, EnvironmentKind.demo),
        (.binance, .spot, .testnet),
        (.binanceUS, .spot, .live),
        (.bybit, .inverse, .testnet),
        (.okx, .linear, .demo),
        (.kucoin, .inverse, .live),
        (.bitget, .inverse, .demo),
    ])
    func combinationsThatExistAreAccepted(exchange: ExchangeID, product: Product, environment: EnvironmentKind) throws {
        let venue = try Venue(exchange, product, Environment(environment))
        #expect(venue.exchange == exchange)
    }

    @Test func passphraseAndKeyTypesPerExchange() {
        #expect(ExchangeID.allCases.filter { $0.traits.passphrase == .required } == [.okx, .kucoin, .bitget])
        #expect(ExchangeID.binance.traits.keyTypes == [.hmac, .ed25519, .rsa])
        #expect(ExchangeID.bybit.traits.keyTypes == [.hmac, .rsa])
        #expect(ExchangeID.kucoin.traits.keyTypes == [.hmac])
    }

    @Test func unifiedSymbols() throws {
        let spot = try #require(UnifiedSymbol("BTC/USDT"))
        #expect(spot.product == .spot)
        #expect(UnifiedSymbol("BTC/USDT:USDT")?.product == .linear)
        #expect(UnifiedSymbol("btc/usd:btc")?.description == "BTC/USD:BTC")
        #expect(UnifiedSymbol("BTC/USD:BTC")?.product == .inverse)
        for bad in ["BTCUSDT", "BTC/", "/USDT", "BTC/USDT:", "BTC//USDT", "BTC/US DT", "BTC/USDT:USDT:X"] {
            #expect(UnifiedSymbol(bad) == nil, "\(bad)")
        }
    }
}
