import Foundation
import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// Parsing recorded Bitget answers and the documented symbol, contract and key-info shapes; bad input is refused.
@Suite struct BitgetWireTests {
    func data<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try #require(
            try WireDecoding.decode(
                BitgetWire.Envelope<T>.self, from: Fixture.bytes("bitget/" + name), exchange: .bitget, endpoint: name
            ).data)
    }

    @Test func symbolsAndContractsBecomeMarkets() throws {
        let spot = try data([BitgetWire.SpotSymbol].self, "symbols-spot.json").compactMap(BitgetMarkets.spot)
        #expect(spot.map(\.symbol.description) == ["BTC/USDT", "OLD/USDT"])
        #expect(spot[0].rules.tickSize == (try Price("0.01")))
        #expect(spot[0].rules.stepSize == (try Quantity("0.000001")))
        #expect(spot[0].rules.minNotional == (try Amount("1")))
        #expect(spot[0].isTrading && !spot[1].isTrading)
        let contracts = try data([BitgetWire.Contract].self, "contracts.json")
        let linear = contracts.compactMap { BitgetMarkets.contract($0, product: .linear) }
        // Delivery contracts are not listed; the perpetual's tick is priceEndStep 5 × 10^-1.
        #expect(linear.map(\.symbol.description) == ["BTC/USDT:USDT"])
        let btc = linear[0]
        #expect(btc.rules.tickSize == (try Price("0.5")))
        #expect(btc.rules.stepSize == (try Quantity("0.001")))
        #expect(btc.rules.minQuantity == (try Quantity("0.001")))
        #expect(btc.rules.maxQuantity == (try Quantity("1200")))
        #expect(btc.sizing == .baseUnits && btc.nativeSymbol == "BTCUSDT")
    }

    /// Coin-M contracts (productType COIN-FUTURES) settle in their base coin; sizes stay in base coin.
    @Test func coinMContractsSettleInTheirBaseCoin() throws {
        let text = #"{"code":"00000","msg":"success","requestTime":1,"data":[{"symbol":"BTCUSD","baseCoin":"BTC","quoteCoin":"USD","supportMarginCoins":["BTC","ETH"],"minTradeNum":"0.001","priceEndStep":"1","volumePlace":"3","pricePlace":"1","sizeMultiplier":"0.001","symbolType":"perpetual","minTradeUSDT":"5","symbolStatus":"normal"}]}"#
        let contracts = try #require(
            try WireDecoding.decode(
                BitgetWire.Envelope<[BitgetWire.Contract]>.self, from: Array(text.utf8), exchange: .bitget, endpoint: "x"
            ).data)
        let market = try #require(contracts.compactMap { BitgetMarkets.contract($0, product: .inverse) }.first)
        #expect(market.symbol.description == "BTC/USD:BTC" && market.settleAsset == "BTC" && market.sizing == .baseUnits)
        #expect(BitgetEndpoints.productType(.inverse) == "COIN-FUTURES" && BitgetEndpoints.productType(.linear) == "USDT-FUTURES")
        let request = OrderRequest(symbol: market.symbol, side: .sell, type: .market, quantity: try Quantity("0.002"))
        #expect(BitgetOrderMapping.body(request, market: market)
            == #"{"symbol":"BTCUSD","productType":"COIN-FUTURES","marginCoin":"BTC","marginMode":"crossed","side":"sell","orderType":"market","force":"gtc","size":"0.002","clientOid":"\#(request.clientOrderID.rawValue)"}"#)
    }

    /// Answers are judged by `code`: `00000` passes, any other code is its error; a 404 names the host mix-up; an
    /// answer that is not Bitget's at all keeps its HTTP status.
    @Test func answersAreJudgedByTheirCode() throws {
        let credentials = Credentials(
            apiKey: "bg_0123456789abcdef0123456789abcdef", secret: SecretText("bitget-test-secret-0123456789abcdef"),
            passphrase: SecretText("Passphrase1"))
        let connector = try BitgetConnector(venue: try venue(.bitget, .linear), credentials: credentials)
        let context = ErrorContext(
            venue: connector.venue, httpStatus: 400, path: "/api/v2/mix/account/accounts", clockSummary: nil, retryAfterSeconds: nil)
        func judge(_ status: Int, _ body: String) -> SentinelError? {
            connector.failure(
                in: HTTPResponse(status: status, headers: [], body: Array(body.utf8)), endpoint: BitgetEndpoint.mixAccounts,
                context: context)
        }
        #expect(judge(200, #"{"code":"00000","msg":"success","requestTime":"1698871811447","data":[]}"#) == nil)
        #expect(judge(400, #"{"code":"40037","msg":"Apikey does not exist","requestTime":"1698871811447","data":null}"#)?.kind
            == .authentication)
        let missing = judge(404, #"{"code":"40404","msg":"Request URL NOT FOUND","requestTime":1,"data":null}"#)
        #expect(missing?.kind == .badResponse && missing?.diagnosis.fix.joined().contains("host") == true)
        #expect(judge(502, "<html>bad gateway</html>")?.kind == .exchangeUnavailable)
        #expect(judge(429, "")?.kind == .rateLimited)
        #expect(connector.usage(
            in: HTTPResponse(status: 429, headers: [], body: []), endpoint: BitgetEndpoint.mixAccounts).throttle
            == .rateLimited(retryAfterMs: 1_000))
    }

    /// Hedge mode: closing a long is a buy with tradeSide close; one-way mode closes with reduceOnly YES.
    @Test func hedgeModeNamesThePosition() throws {
        let market = Market(
            symbol: UnifiedSymbol(base: "BTC", quote: "USDT", settle: "USDT"), nativeSymbol: "BTCUSDT", product: .linear,
            isTrading: true, rules: MarketRules(tickSize: try Price("0.1"), stepSize: try Quantity("0.001"), minQuantity: try Quantity("0.001")))
        func fields(_ request: OrderRequest) throws -> [String: String] {
            var json = JSONWriter()
            json.openObject()
            BitgetOrderMapping.writeFields(request, market: market, batch: true, to: &json)
            json.closeObject()
            return try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: String])
        }
        let closeLong = OrderRequest(
            symbol: market.symbol, side: .sell, type: .market, quantity: try Quantity("0.001"), reduceOnly: true,
            positionSide: .long)
        let closeLongFields = try fields(closeLong)
        #expect(closeLongFields["side"] == "buy" && closeLongFields["tradeSide"] == "close")
        #expect(closeLongFields["reduceOnly"] == nil)
        let openShort = OrderRequest(
            symbol: market.symbol, side: .sell, type: .market, quantity: try Quantity("0.001"), positionSide: .short)
        let openShortFields = try fields(openShort)
        #expect(openShortFields["side"] == "sell" && openShortFields["tradeSide"] == "open")
        let oneWay = OrderRequest(symbol: market.symbol, side: .sell, type: .market, quantity: try Quantity("0.001"), reduceOnly: true)
        let oneWayFields = try fields(oneWay)
        #expect(oneWayFields["side"] == "sell" && oneWayFields["tradeSide"] == nil && oneWayFields["reduceOnly"] == "YES")
    }

    @Test func recordedAccountAnswersParse() throws {
        let assets = try data([BitgetWire.Asset].self, "assets.json")
        #expect(assets.first { $0.coin == "USDT" }?.frozen?.value == (try ExactDecimal("5.5")))
        let positions = try data([BitgetWire.Position].self, "positions.json")
        #expect(positions.first?.holdSide == "long")
        #expect(positions.first?.total?.value == (try ExactDecimal("0.1")))
        let ticker = try data([BitgetWire.Ticker].self, "ticker-spot.json")
        #expect(ticker.first?.bidPr?.value == (try ExactDecimal("73369.13")))
        let info = try data(BitgetWire.KeyInfo.self, "account-info.json")
        let permissions = BitgetPermissions.permissions(authorities: info.authorities ?? [], ips: info.ips ?? "")
        #expect(permissions.spotTrade && permissions.futuresTrade && !permissions.withdraw)
        #expect(permissions.ipWhitelist == ["127.0.0.1"] && permissions.ipRestricted == true)
    }

    @Test func recordedOrdersParse() throws {
        let spot = try data([BitgetWire.Order].self, "order-spot.json")
        // A spot market buy: size is quote coin, the base quantity is what filled.
        let marketBuy = BitgetOrderMapping.order(spot[0], symbol: UnifiedSymbol(base: "LTC", quote: "USDT"), spot: true)
        #expect(marketBuy.quantity == (try Quantity("0.0915")))
        #expect(marketBuy.status == .filled && marketBuy.type == .market)
        let futures = try data(BitgetWire.Order.self, "order-futures.json")
        let order = BitgetOrderMapping.order(futures, symbol: UnifiedSymbol(base: "LTC", quote: "USDT", settle: "USDT"), spot: false)
        #expect(order.id == "1139544620032237568")
        #expect(order.quantity == (try Quantity("0.1")))
        #expect(order.averagePrice == (try Price("68.74")))
        #expect(order.status == .filled && !order.reduceOnly)
        let open = try data([BitgetWire.Order].self, "open-orders-spot.json")
        #expect(open.first.map { BitgetOrderMapping.order($0, symbol: UnifiedSymbol(base: "LTC", quote: "USDT"), spot: true).status } == .new)
        let placed = try data(BitgetWire.OrderIDs.self, "order-placed.json")
        #expect(placed.orderId?.value == "1136353550487961603")
        let canceled = try data(BitgetWire.OrderIDs.self, "order-canceled.json")
        #expect(canceled.clientOid == "abc321")
        #expect(BitgetOrderMapping.status("cancelled") == .canceled && BitgetOrderMapping.status("canceled") == .canceled)
    }

    @Test func badInputIsRefused() throws {
        for body in [#"{"code":"00000","data":{"serverTime":"soon"}}"#, #"{"code":"00000","data":[{"coin":"BTC","available":"1e"}]}"#, "<html>"] {
            #expect(throws: SentinelError.self) {
                _ = try WireDecoding.decode(
                    BitgetWire.Envelope<BitgetWire.ServerTime>.self, from: Array(body.utf8), exchange: .bitget, endpoint: "x")
                _ = try WireDecoding.decode(
                    BitgetWire.Envelope<[BitgetWire.Asset]>.self, from: Array(body.utf8), exchange: .bitget, endpoint: "x")
            }
        }
        let negative = #"{"code":"00000","data":[{"symbol":"X","baseCoin":"X","quoteCoin":"USDT","pricePrecision":"-1","quantityPrecision":"2","status":"online"}]}"#
        let unusable = try? WireDecoding.decode(
            BitgetWire.Envelope<[BitgetWire.SpotSymbol]>.self, from: Array(negative.utf8), exchange: .bitget, endpoint: "x")
        #expect(unusable?.data?.count == 1 && unusable?.data?.compactMap(BitgetMarkets.spot).isEmpty == true)
        // Contracts without a usable tick or step are left out rather than traded with a guessed rule.
        for (field, value) in [("priceEndStep", "0"), ("sizeMultiplier", "\"\""), ("pricePlace", "\"40\""), ("minTradeNum", "\"\"")] {
            var fields = ["priceEndStep": "1", "sizeMultiplier": "\"0.001\"", "pricePlace": "\"1\"", "minTradeNum": "\"0.001\""]
            fields[field] = value
            let text = #"{"code":"00000","data":[{"symbol":"BTCUSDT","baseCoin":"BTC","quoteCoin":"USDT","minTradeNum":\#(fields["minTradeNum"]!),"priceEndStep":\#(fields["priceEndStep"]!),"pricePlace":\#(fields["pricePlace"]!),"sizeMultiplier":\#(fields["sizeMultiplier"]!)}]}"#
            let contracts = try WireDecoding.decode(
                BitgetWire.Envelope<[BitgetWire.Contract]>.self, from: Array(text.utf8), exchange: .bitget, endpoint: "x").data
            #expect(contracts?.count == 1, "\(field)")
            #expect(contracts?.compactMap { BitgetMarkets.contract($0, product: .linear) }.isEmpty == true, "\(field)")
        }
    }

    /// The validity members go in before the closing brace, byte for byte after the body as written, whatever the
    /// body holds (multi-byte text, an escaped quote, a nested object).
    @Test func validityMembersCloseTheBodyAsWritten() {
        for body in [#"{"a":"1"}"#, #"{"note":"é€😀 \"x\"","o":{"k":[1,2]}}"#, #"{"s":"}"}"#] {
            let amended = BitgetConnector.addingValidity(to: body, requestTime: 1_684_814_440_729, receiveWindow: 5000)
            #expect(amended == String(body.dropLast()) + #","requestTime":"1684814440729","receiveWindow":"5000"}"#)
            #expect(JSONPeek.isObjectOrArray(amended))
        }
    }

    /// Only a placement's body gets the validity members, and an empty object stays as it is.
    @Test func onlyPlacementBodiesGetValidityMembers() throws {
        let connector = try BitgetConnector(
            venue: try venue(.bitget), credentials: Credentials(
                apiKey: "bg_0123456789abcdef0123456789abcdef", secret: SecretText("bitget-test-secret-0123456789abcdef"),
                passphrase: SecretText("Passphrase1")))
        let empty = try connector.request(BitgetEndpoint.spotPlace, .json("{}"), timestampMs: 1)
        #expect(empty.body == "{}")
        let cancel = try connector.request(BitgetEndpoint.spotCancel, .json(#"{"symbol":"BTCUSDT"}"#), timestampMs: 1)
        #expect(cancel.body == #"{"symbol":"BTCUSDT"}"#)
        let place = try connector.request(BitgetEndpoint.spotPlace, .json(#"{"a":"1"}"#), timestampMs: 1)
        #expect(place.body == #"{"a":"1","requestTime":"1","receiveWindow":"5000"}"#)
    }

    /// The bodies sent: base sizes, clientOid as given, productType/marginCoin/marginMode on futures; demo sends
    /// `paptrading: 1` on public calls too; placements carry requestTime + receiveWindow inside the signed body.
    @Test func requestsAsSent() throws {
        let credentials = Credentials(
            apiKey: "bg_0123456789abcdef0123456789abcdef", secret: SecretText("bitget-test-secret-0123456789abcdef"),
            passphrase: SecretText("Passphrase1"))
        let connector = try BitgetConnector(venue: try venue(.bitget, .linear, .demo), credentials: credentials)
        let market = Market(
            symbol: UnifiedSymbol(base: "BTC", quote: "USDT", settle: "USDT"), nativeSymbol: "BTCUSDT", product: .linear,
            isTrading: true, rules: MarketRules(tickSize: try Price("0.1"), stepSize: try Quantity("0.001"), minQuantity: try Quantity("0.001")))
        let request = OrderRequest(
            symbol: market.symbol, side: .buy, type: .limit, quantity: try Quantity("0.002"), price: try Price("60000.5"),
            postOnly: true, clientOrderID: try ClientOrderID("sn-abc"))
        let call = connector.placeOrder(request, market: market)
        let signed = try connector.request(call.endpoint, call.payload, timestampMs: 1_684_814_440_729)
        #expect(signed.body == #"{"symbol":"BTCUSDT","productType":"USDT-FUTURES","marginCoin":"USDT","marginMode":"crossed","side":"buy","orderType":"limit","force":"post_only","price":"60000.5","size":"0.002","clientOid":"sn-abc","requestTime":"1684814440729","receiveWindow":"5000"}"#)
        #expect(signed.headers.contains { $0.name == "paptrading" && $0.value == "1" })
        let time = try connector.request(BitgetEndpoint.time, .empty, timestampMs: 0)
        #expect(time.headers.map(\.name) == ["paptrading"] && time.url.hasSuffix("/api/v2/public/time"))
        let spot = try BitgetConnector(venue: try venue(.bitget), credentials: credentials)
        let spotMarket = Market(
            symbol: UnifiedSymbol(base: "BTC", quote: "USDT"), nativeSymbol: "BTCUSDT", product: .spot, isTrading: true,
            rules: market.rules)
        let buy = OrderRequest(symbol: spotMarket.symbol, side: .buy, type: .market, quantity: try Quantity("0.001"))
        let refused = spot.placeOrder(buy, market: spotMarket)
        #expect(throws: SentinelError.self) { _ = try spot.request(refused.endpoint, refused.payload, timestampMs: 0) }
    }
}

extension BitgetWireTests {
    /// `/api/v2/spot/wallet/withdrawal-records` in the docs' shape: the docs' example row, and one with the values of
    /// ccxt's recorded withdrawal (size 30, fee -1.5, which ccxt reads as 28.5 sent). `size` includes the fee, which is
    /// negative; the window is clamped to 90 days.
    @Test func withdrawalRecordsParseExactly() throws {
        let now: Int64 = 1_787_918_941_219
        let credentials = Credentials(
            apiKey: "bg_0123456789abcdef0123456789abcdef", secret: SecretText("bitget-test-secret-0123456789abcdef"),
            passphrase: SecretText("Passphrase1"))
        let connector = try BitgetConnector(venue: try venue(.bitget), credentials: credentials, now: { now })
        let call = try #require(connector.withdrawals(sinceMs: 0))
        #expect(call.endpoint.path == "/api/v2/spot/wallet/withdrawal-records")
        let end = now + 60_000
        #expect(
            call.payload
                == .pairs([("startTime", String(end - 90 * 86_400_000)), ("endTime", String(end)), ("limit", "100")]))
        let body = """
            {"code":"00000","msg":"success","requestTime":1787918941219,"data":[{"orderId":"1477203433330230002",
            "tradeId":"855182adcdbf968e6c0854de1d9ef04f9542ae27337f87ccbe2f6d1e995ec01b","coin":"USDT",
            "dest":"on_chain","clientOid":"","type":"withdraw","tag":"","size":"30","fee":"-1.5","status":"success",
            "toAddress":"TFcWfiw5p5DDZ6vi6Bktf7yK1asRYLpN33","fromAddress":"TU8P3KLsV7YhkUvF9nWxjigMqv2c2mqNC9",
            "confirm":"5","chain":"TRC20","cTime":"1787918664295","uTime":"1787918826202"},
            {"orderId":"1","tradeId":"1","coin":"USDT","dest":"dest","clientOid":"123","type":"withdraw","tag":"",
            "size":"10.00000000","fee":"-1.00000000","status":"success","toAddress":"1","fromAddress":"2",
            "confirm":"100","chain":"erc20","cTime":"1653290769222","uTime":"1653290769222"}]}
            """
        let withdrawals = try call.decode(Array(body.utf8), .empty)
        #expect(
            withdrawals.first
                == Withdrawal(
                    id: "1477203433330230002", asset: "USDT", amount: try Amount("28.5"), fee: try Amount("1.5"),
                    address: "TFcWfiw5p5DDZ6vi6Bktf7yK1asRYLpN33", network: "TRC20", status: "success",
                    time: 1_787_918_664_295,
                    transactionID: "855182adcdbf968e6c0854de1d9ef04f9542ae27337f87ccbe2f6d1e995ec01b"))
        #expect(withdrawals.last?.amount == (try Amount("9.00000000")))
        #expect(withdrawals.last?.fee == (try Amount("1")))
        for other in [try venue(.bitget, .linear), try venue(.bitget, .spot, .demo)] {
            #expect(try BitgetConnector(venue: other, credentials: credentials).withdrawals(sinceMs: 0) == nil)
        }
    }
}
