import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// Parsing recorded OKX answers and the documented instrument shapes; sizes in contracts converted exactly.
@Suite struct OKXWireTests {
    func data<T: Decodable>(_ type: T.Type, _ name: String) throws -> [T] {
        try WireDecoding.decode(
            OKXWire.Envelope<T>.self, from: Fixture.bytes("okx/" + name), exchange: .okx, endpoint: name
        ).data ?? []
    }

    static func swapMarkets() throws -> [Market] {
        let instruments = try WireDecoding.decode(
            OKXWire.Envelope<OKXWire.Instrument>.self, from: Fixture.bytes("okx/instruments-swap.json"), exchange: .okx,
            endpoint: "instruments")
        return OKXMarkets.markets(from: instruments.data ?? [], product: .linear)
    }

    @Test func instrumentsBecomeMarketsInBaseUnits() throws {
        let spot = OKXMarkets.markets(from: try data(OKXWire.Instrument.self, "instruments-spot.json"), product: .spot)
        #expect(spot.map(\.symbol.description) == ["BTC/USDT"])
        #expect(spot[0].rules.tickSize == (try Price("0.1")))
        #expect(spot[0].rules.minQuantity == (try Quantity("0.00001")))
        let linear = try Self.swapMarkets()
        #expect(linear.map(\.symbol.description) == ["BTC/USDT:USDT", "ETH/USDT:USDT"])
        let btc = linear[0]
        #expect(btc.nativeSymbol == "BTC-USDT-SWAP" && btc.isTrading && !linear[1].isTrading)
        // lotSz 0.01 contracts of 0.01 BTC: 0.0001 BTC steps; minSz likewise.
        #expect(btc.rules.stepSize == (try Quantity("0.0001")))
        #expect(btc.rules.minQuantity == (try Quantity("0.0001")))
        #expect(btc.sizing == .baseContracts(size: try ExactDecimal("0.01")))
        let inverse = OKXMarkets.markets(from: try data(OKXWire.Instrument.self, "instruments-swap.json"), product: .inverse)
        // Inverse swaps are not listed until orders on them can be sized in base units.
        #expect(inverse.isEmpty)
    }

    @Test func quantitiesConvertToWholeLotsOrNot() throws {
        let btc = try #require(try Self.swapMarkets().first)
        #expect(OKXOrderMapping.wireSize(try Quantity("0.0205"), market: btc) == "2.05")
        #expect(OKXOrderMapping.wireSize(try Quantity("1"), market: btc) == "100")
        #expect(OKXOrderMapping.wireSize(try Quantity("0.00015"), market: btc) == nil)
        #expect(OKXOrderMapping.baseQuantity(try ExactDecimal("2.05"), market: btc) == (try ExactDecimal("0.0205")))
        let request = OrderRequest(
            symbol: btc.symbol, side: .buy, type: .limit, quantity: try Quantity("0.0003"), price: try Price("60000.5"),
            postOnly: true, clientOrderID: try ClientOrderID("sn-0123456789abcdefghijklmnop"))
        #expect(OKXOrderMapping.body(request, market: btc)
            == #"{"instId":"BTC-USDT-SWAP","tdMode":"cross","clOrdId":"sn0123456789abcdefghijklmnop","side":"buy","ordType":"post_only","sz":"0.03","px":"60000.5"}"#)
    }

    /// The body's `clOrdId` is exactly the id's wire form, whatever the id holds (`-`, `_`, letters of both cases).
    @Test func theBodysClientIDIsItsWireForm() throws {
        let btc = try #require(try Self.swapMarkets().first)
        for id in ["sn-0123456789abcdefghijklmnop", "bot_7-A", "A-B_c-D_e", "plain42"] {
            let request = OrderRequest(
                symbol: btc.symbol, side: .sell, type: .limit, quantity: try Quantity("0.01"), price: try Price("1"),
                clientOrderID: try ClientOrderID(id))
            let body = OKXOrderMapping.body(request, market: btc)
            #expect(body.contains(#""clOrdId":"\#(OKXOrderMapping.wireClientID(id))""#), "\(id): \(body)")
            #expect(OKXOrderMapping.unifiedClientID(OKXOrderMapping.wireClientID(id), known: id) == id)
        }
    }

    @Test func clientIDsTravelAlphanumericAndComeBack() {
        #expect(OKXOrderMapping.wireClientID("sn-0123456789abcdefghijklmnop") == "sn0123456789abcdefghijklmnop")
        #expect(OKXOrderMapping.unifiedClientID("sn0123456789abcdefghijklmnop") == "sn-0123456789abcdefghijklmnop")
        #expect(OKXOrderMapping.unifiedClientID("bot_7", known: "bot_7") == "bot_7")
        #expect(OKXOrderMapping.unifiedClientID("e847386590ce4dBC6f7ae74854f6a617") == "e847386590ce4dBC6f7ae74854f6a617")
        #expect(OKXOrderMapping.unifiedClientID("") == nil)
    }

    @Test func recordedAnswersParse() throws {
        #expect(try data(OKXWire.ServerTime.self, "time.json").first?.ts.value == 1_712_250_348_676)
        let ticker = try #require(try data(OKXWire.Ticker.self, "ticker-spot.json").first)
        #expect(ticker.last?.value == (try ExactDecimal("73384.8")))
        #expect(ticker.bidPx?.value == (try ExactDecimal("73384.7")))
        let details = try data(OKXWire.Balance.self, "balance.json").flatMap(\.details)
        let btc = try #require(details.first { $0.ccy == "BTC" })
        #expect(btc.availBal?.value == (try ExactDecimal("0.6612664522199999")))
        #expect(btc.frozenBal?.value == (try ExactDecimal("0.4")))
        let config = try #require(try data(OKXWire.Config.self, "account-config.json").first)
        #expect(config.perm == "read_only,withdraw,trade" && config.ip == "" && config.posMode == "net_mode")

        let spotOrder = try #require(try data(OKXWire.Order.self, "order-spot.json").first)
        let order = OKXOrderMapping.order(spotOrder, market: nil, symbol: UnifiedSymbol("LTC/USDT")!)
        #expect(order.status == .filled)
        #expect(order.type == .market)
        #expect(order.filledQuantity == (try Quantity("0.1")))
        #expect(order.averagePrice == (try Price("101.58")))
        #expect(order.clientOrderID == "e847386590ce4dBC6f7ae74854f6a617")

        let pending = try #require(try data(OKXWire.Order.self, "orders-pending-swap.json").first)
        #expect(pending.state == "live")
        #expect(pending.ordType == "post_only")
        #expect(pending.sz.value == (try ExactDecimal("50")))
        let history = try data(OKXWire.Order.self, "orders-history-swap.json")
        #expect(history.first?.state == "filled")
        let positions = try data(OKXWire.Position.self, "positions-swap.json")
        #expect(positions.first?.pos?.value == (try ExactDecimal("1")))
        #expect(positions.first?.liqPx?.value == nil)
        let placed = try data(OKXWire.ItemStatus.self, "order-placed.json")
        #expect(placed.first?.sCode == "0" && placed.first?.ordId == "2896576259728695296")
    }

    @Test(arguments: ["", "{", #"{"code":0}"#, #"{"code":"0","data":[{"ts":"soon"}]}"#, #"{"code":"0","data":{"ts":"1"}}"#])
    func malformedAnswersAreBadResponses(_ text: String) {
        #expect(throws: SentinelError.self) {
            _ = try WireDecoding.decode(
                OKXWire.Envelope<OKXWire.ServerTime>.self, from: Array(text.utf8), exchange: .okx, endpoint: "time")
        }
    }
}

extension OKXWireTests {
    /// The docs' example answer of `/api/v5/asset/withdrawal-history`, read exactly; `state` in the docs' words.
    @Test func withdrawalHistoryParsesExactly() throws {
        let credentials = Credentials(
            apiKey: "k-123456789", secret: SecretText("s-123456789"), passphrase: SecretText("p"))
        let connector = try OKXConnector(venue: try venue(.okx), credentials: credentials)
        let call = try #require(connector.withdrawals(sinceMs: 1_655_000_000_000))
        #expect(call.endpoint.path == "/api/v5/asset/withdrawal-history")
        #expect(call.payload == .pairs([("before", "1654999999999"), ("limit", "100")]))
        let body = """
            {"code":"0","msg":"","data":[{"note":"","chain":"ETH-Ethereum","fee":"0.007","feeCcy":"ETH","ccy":"ETH",
            "clientId":"","toAddrType":"1","amt":"0.029809","txId":"0x35c******b360a174d","from":"156****359",
            "areaCodeFrom":"86","to":"0xa30d1fab********7CF18C7B6C579","areaCodeTo":"","state":"2",
            "ts":"1655251200000","nonTradableAsset":false,"wdId":"15447421"}]}
            """
        #expect(
            try call.decode(Array(body.utf8), .empty)
                == [
                    Withdrawal(
                        id: "15447421", asset: "ETH", amount: try Amount("0.029809"), fee: try Amount("0.007"),
                        address: "0xa30d1fab********7CF18C7B6C579", network: "ETH-Ethereum", status: "success",
                        time: 1_655_251_200_000, transactionID: "0x35c******b360a174d")
                ])
        #expect(OKXConnector.withdrawalState("-2") == "canceled" && OKXConnector.withdrawalState("99") == "state 99")
        for other in [try venue(.okx, .linear), try venue(.okx, .spot, .demo)] {
            #expect(try OKXConnector(venue: other, credentials: credentials).withdrawals(sinceMs: 0) == nil)
        }
    }
}
